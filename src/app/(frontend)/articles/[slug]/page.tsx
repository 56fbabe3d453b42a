import { RichText } from '@payloadcms/richtext-lexical/react'
import type { Metadata } from 'next'
import { draftMode } from 'next/headers'
import { notFound } from 'next/navigation'

import { ArticleFigure } from '@/components/ArticleFigure'
import { CorrectionsNotice } from '@/components/CorrectionsNotice'
import { JsonLd } from '@/components/JsonLd'
import { LivePreviewListener } from '@/components/LivePreviewListener.client'
import { PreviewBanner } from '@/components/PreviewBanner'
import { PublishedDate } from '@/components/PublishedDate'
import { getSettings } from '@/config/settings'
import { getArticleForPreview, getPublishedArticle } from '@/lib/data/articles'
import { getSiteIdentity } from '@/lib/data/site'
import { toArticleMetadata } from '@/lib/seo/metadata'
import { toNewsArticleJsonLd } from '@/lib/structuredData'

type Props = { params: Promise<{ slug: string }> }

// Pages are made on first request and kept until a hook expires their tag (see lib/cache).
export const dynamicParams = true
export async function generateStaticParams(): Promise<Array<{ slug: string }>> {
  return []
}

async function loadArticle(slug: string) {
  const { isEnabled: preview } = await draftMode()
  return { preview, article: preview ? await getArticleForPreview(slug) : await getPublishedArticle(slug) }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article, preview } = await loadArticle((await params).slug)
  if (!article) return {}
  const metadata = toArticleMetadata(article, await getSiteIdentity(), getSettings().serverUrl)
  return preview ? { ...metadata, robots: { index: false, follow: false } } : metadata
}

export default async function ArticlePage({ params }: Props) {
  const { article, preview } = await loadArticle((await params).slug)
  if (!article) notFound()
  const origin = getSettings().serverUrl
  const site = await getSiteIdentity()
  return (
    <article className="article">
      {preview ? (
        <>
          <PreviewBanner slug={article.slug} />
          <LivePreviewListener serverUrl={origin} />
        </>
      ) : (
        <JsonLd data={toNewsArticleJsonLd(article, { origin, site })} />
      )}
      <header className="article__header">
        <h1>{article.headline}</h1>
        {article.standfirst ? <p className="standfirst">{article.standfirst}</p> : null}
        <p className="meta">
          {article.byline ? <span className="byline">By {article.byline}</span> : null}
          <PublishedDate iso={article.publishedAt} />
          {article.revisedAt ? <PublishedDate iso={article.revisedAt} prefix="Updated " /> : null}
        </p>
      </header>
      {article.image ? <ArticleFigure image={article.image} origin={origin} sizes="(min-width: 48rem) 46rem, 100vw" priority /> : null}
      <div className="article__body">
        <RichText data={article.body} />
      </div>
      <CorrectionsNotice corrections={article.corrections} />
    </article>
  )
}
