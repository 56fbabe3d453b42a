import type { PageConfig } from 'next'

import { ArticleView } from '@/components/ArticleView'
import { JsonLd } from '@/components/JsonLd'
import { cacheTags } from '@/lib/cache/tags'
import { getPublishedArticle } from '@/lib/data/articles'
import type { ArticleView as Article } from '@/lib/data/views'
import type { PageProps } from '@/lib/pages/props'
import { notFound, publicPage } from '@/lib/pages/publicPage'
import { toArticleMeta } from '@/lib/seo/metadata'
import { validateSlug } from '@/lib/slug'
import { toNewsArticleJsonLd } from '@/lib/structuredData'

/** Plain HTML: readers get no framework JavaScript. Editors' drafts live on /preview/articles/<slug>. */
export const config: PageConfig = { unstable_runtimeJS: false }

export const getServerSideProps = publicPage<Article>(async ({ params }, { site, origin }) => {
  const slug = String(params?.slug ?? '')
  const article = await getPublishedArticle(slug)
  // A stored 404 is purged when an article with that slug is published; other names are never stored.
  if (!article) return notFound(validateSlug(slug) === true ? [cacheTags.article(slug)] : null)
  const profiles = [...(article.section ? [cacheTags.section(article.section.id)] : []), ...article.authors.map((author) => cacheTags.author(author.id))]
  return { page: article, head: toArticleMeta(article, site, origin), tags: [cacheTags.article(article.slug), ...profiles] }
})

export default function ArticlePage({ page: article, site, origin }: PageProps<Article>) {
  return (
    <ArticleView article={article} origin={origin} timeZone={site.timeZone}>
      <JsonLd data={toNewsArticleJsonLd(article, { origin, site })} />
    </ArticleView>
  )
}
