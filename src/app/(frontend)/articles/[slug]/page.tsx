import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleView } from '@/components/ArticleView'
import { JsonLd } from '@/components/JsonLd'
import { getSettings } from '@/config/settings'
import { getPublishedArticle } from '@/lib/data/articles'
import { site } from '@/lib/site'
import { toNewsArticleJsonLd } from '@/lib/structuredData'
import { articlePath } from '@/lib/urls'

type Props = { params: Promise<{ slug: string }> }

// Rendered on request (the build never needs the database); the response cache in front keeps
// the finished page until a hook purges its tag. Editors' drafts live on /preview/articles/<slug>.
export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug)
  if (!article) return {}
  return {
    title: article.headline,
    description: article.standfirst ?? undefined,
    alternates: { canonical: articlePath(article.slug) },
    openGraph: {
      type: 'article',
      title: article.headline,
      description: article.standfirst ?? undefined,
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.revisedAt ?? undefined,
      images: article.image ? [{ url: article.image.url, width: article.image.width, height: article.image.height, alt: article.image.alt }] : [],
    },
  }
}

export default async function ArticlePage({ params }: Props) {
  const article = await getPublishedArticle((await params).slug)
  if (!article) notFound()
  const origin = getSettings().serverUrl
  return (
    <ArticleView article={article} origin={origin}>
      <JsonLd data={toNewsArticleJsonLd(article, { origin, site })} />
    </ArticleView>
  )
}
