import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleView } from '@/components/ArticleView'
import { JsonLd } from '@/components/JsonLd'
import { getSettings } from '@/config/settings'
import { getPublishedArticle } from '@/lib/data/articles'
import { getSiteIdentity } from '@/lib/data/site'
import { toArticleMetadata } from '@/lib/seo/metadata'
import { toNewsArticleJsonLd } from '@/lib/structuredData'

type Props = { params: Promise<{ slug: string }> }

// Rendered on request (the build never needs the database); the response cache in front keeps
// the finished page until a hook purges its tag. Editors' drafts live on /preview/articles/<slug>.
export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug)
  if (!article) return {}
  return toArticleMetadata(article, await getSiteIdentity(), getSettings().serverUrl)
}

export default async function ArticlePage({ params }: Props) {
  const article = await getPublishedArticle((await params).slug)
  if (!article) notFound()
  const origin = getSettings().serverUrl
  const site = await getSiteIdentity()
  return (
    <ArticleView article={article} origin={origin}>
      <JsonLd data={toNewsArticleJsonLd(article, { origin, site })} />
    </ArticleView>
  )
}
