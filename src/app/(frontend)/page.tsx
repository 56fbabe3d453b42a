import { ArticleCard } from '@/components/ArticleCard'
import { getSettings } from '@/config/settings'
import { listPublishedArticles } from '@/lib/data/articles'

/**
 * Rendered per request from tag-cached data: prerendering at build time would need the
 * database during `next build`, before the seed and migrations of `npm start` have run.
 */
export const dynamic = 'force-dynamic'

export default async function FrontPage() {
  const articles = await listPublishedArticles()
  const origin = getSettings().serverUrl
  return (
    <section className="front" aria-labelledby="front-title">
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
