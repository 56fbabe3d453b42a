import type { Metadata } from 'next'

import { PublishedDate } from '@/components/PublishedDate'
import { getSettings } from '@/config/settings'
import { searchForReaders, searchPagePath } from '@/lib/data/search'
import { getSiteIdentity } from '@/lib/data/site'
import { MAX_QUERY_LENGTH } from '@/lib/search/query'
import { toPageMetadata } from '@/lib/seo/metadata'
import { articlePath } from '@/lib/urls'

/** Per query, read when asked: kept out of the response cache (src/server/responseCache/policy.ts). */
export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> }

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSiteIdentity()
  const metadata = toPageMetadata({ title: 'Search', description: `Search the articles of ${site.name}.`, path: '/search' }, site, getSettings().serverUrl)
  // Result pages are endless and change with every article: not for search engines' indexes.
  return { ...metadata, robots: { index: false, follow: true } }
}

export default async function SearchPage({ searchParams }: Props) {
  const view = await searchForReaders(await searchParams)
  const heading = view.query ? `Search: ${view.query}` : 'Search'
  return (
    <section className="search" aria-labelledby="search-title">
      <h1 id="search-title">{heading}</h1>
      <form className="search__form" role="search" action="/search" method="get">
        <label htmlFor="search-q">Words or a "quoted phrase"</label>
        <input id="search-q" type="search" name="q" defaultValue={view.query} maxLength={MAX_QUERY_LENGTH} required />
        <button type="submit">Search</button>
      </form>
      {view.problem ? (
        <p className="search__status" role="alert">
          {view.problem}
        </p>
      ) : null}
      {view.query && !view.problem ? (
        <p className="search__status">
          {view.totalDocs === 0
            ? `Nothing found for “${view.query}”. Try fewer words or another spelling.`
            : `${view.totalDocs} ${view.totalDocs === 1 ? 'article' : 'articles'} found${view.totalPages > 1 ? `, page ${view.page} of ${view.totalPages}` : ''}.`}
        </p>
      ) : null}
      {view.results.length > 0 ? (
        <ol className="search__results" start={view.firstRank}>
          {view.results.map((result) => (
            <li key={result.slug} className="search__result">
              <h2 className="card__headline">
                <a href={articlePath(result.slug)}>{result.headline}</a>
              </h2>
              {result.standfirst ? <p className="standfirst">{result.standfirst}</p> : null}
              <p className="meta">
                <PublishedDate iso={result.publishedAt} />
              </p>
              {/* Escaped text with <mark> only: src/lib/search/excerpt.ts */}
              <p className="search__excerpt" dangerouslySetInnerHTML={{ __html: result.excerptHtml }} />
            </li>
          ))}
        </ol>
      ) : null}
      {view.totalPages > 1 ? (
        <nav className="search__pages" aria-label="Result pages">
          {view.page > 1 ? (
            <a href={searchPagePath(view.query, view.page - 1)} rel="prev">
              ← Previous page
            </a>
          ) : null}
          {view.page < view.totalPages ? (
            <a href={searchPagePath(view.query, view.page + 1)} rel="next">
              Next page →
            </a>
          ) : null}
        </nav>
      ) : null}
    </section>
  )
}
