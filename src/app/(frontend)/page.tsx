import type { Metadata } from 'next'

import { ArticleCard } from '@/components/ArticleCard'
import { JsonLd } from '@/components/JsonLd'
import { getSettings } from '@/config/settings'
import { listPublishedArticles } from '@/lib/data/articles'
import { getSiteIdentity } from '@/lib/data/site'
import { toPageMetadata } from '@/lib/seo/metadata'
import { toFrontPageJsonLd } from '@/lib/structuredData'

/**
 * Rendered per request from tag-cached data: prerendering at build time would need the
 * database during `next build`, before the seed and migrations of `npm start` have run.
 */
export const dynamic = 'force-dynamic'

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSiteIdentity()
  const metadata = toPageMetadata({ title: site.name, description: site.description, path: '/' }, site, getSettings().serverUrl)
  // The name alone, not "name · name" from the layout's title template.
  return { ...metadata, title: { absolute: site.name } }
}

export default async function FrontPage() {
  const [articles, site] = await Promise.all([listPublishedArticles(), getSiteIdentity()])
  const origin = getSettings().serverUrl
  return (
    <section className="front" aria-labelledby="front-title">
      <JsonLd data={toFrontPageJsonLd({ origin, site })} />
      <h1 id="front-title" className="visually-hidden">
        Latest articles
      </h1>
      {articles.length === 0 ? <p>No articles have been published yet.</p> : null}
      {articles.map((article, index) => (
        <ArticleCard key={article.slug} article={article} origin={origin} lead={index === 0} />
      ))}
    </section>
  )
}
