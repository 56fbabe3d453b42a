import type { PageConfig } from 'next'

import { ArticleCard } from '@/components/ArticleCard'
import { JsonLd } from '@/components/JsonLd'
import { cacheTags } from '@/lib/cache/tags'
import { listPublishedArticles } from '@/lib/data/articles'
import type { ArticleSummary } from '@/lib/data/views'
import type { PageProps } from '@/lib/pages/props'
import { publicPage } from '@/lib/pages/publicPage'
import { toPageMeta } from '@/lib/seo/metadata'
import { toFrontPageJsonLd } from '@/lib/structuredData'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

type Front = { articles: ArticleSummary[] }

export const getServerSideProps = publicPage<Front>(async (_context, { site, origin }) => ({
  page: { articles: await listPublishedArticles() },
  head: toPageMeta({ title: site.name, description: site.description, path: '/' }, site, origin),
  tags: [cacheTags.articleList],
}))

export default function FrontPage({ page: { articles }, site, origin }: PageProps<Front>) {
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
