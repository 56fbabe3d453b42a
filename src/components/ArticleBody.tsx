import { LinkJSXConverter, RichText, type JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'

import { toImageView, type ArticleView } from '@/lib/data/views'
import { linkedArticle } from '@/lib/richText'
import type { Media } from '@/payload-types'
import { ArticleFigure } from './ArticleFigure'
import { IMAGE_SIZES } from './imageSizes'

/**
 * Payload's converters, except for what points at other documents: an image is the same figure,
 * `<picture>` and credit as the lead image; a link or relationship to another article is a
 * same-origin link while that article is published, and plain text (or nothing) otherwise, so an
 * unpublished article's slug and headline never reach readers.
 */
function bodyConverters(origin: string): JSXConvertersFunction {
  return ({ defaultConverters }) => {
    const links = LinkJSXConverter({ internalDocToHref: ({ linkNode }) => linkedArticle(linkNode.fields.doc)?.path ?? '' })
    return {
      ...defaultConverters,
      ...links,
      link: (args) => {
        const { node, nodesToJSX } = args
        if (node.fields.linkType === 'internal' && !linkedArticle(node.fields.doc)) return <>{nodesToJSX({ nodes: node.children })}</>
        return typeof links.link === 'function' ? links.link(args) : null
      },
      relationship: ({ node }) => {
        const article = linkedArticle(node)
        return article ? (
          <p className="related">
            <a href={article.path}>{article.headline}</a>
          </p>
        ) : null
      },
      upload: ({ node }) => {
        const image = node.relationTo === 'media' ? toImageView(node.value as Media | number | null) : null
        return image ? <ArticleFigure image={image} origin={origin} sizes={IMAGE_SIZES.article} /> : null
      },
    }
  }
}

export function ArticleBody({ body, origin }: { body: ArticleView['body']; origin: string }) {
  return (
    <div className="article__body">
      <RichText data={body} converters={bodyConverters(origin)} />
    </div>
  )
}
