import type { SearchPageView } from '@/lib/data/search'
import type { PageProps } from '@/lib/pages/props'
import { searchPagePath } from '@/lib/search/paths'
import { MAX_QUERY_LENGTH } from '@/lib/search/query'
import { articlePath } from '@/lib/urls'
import { PublishedDate } from './PublishedDate'

/** /search: a plain GET form (works without JavaScript), ranked results with marked excerpts, result pages. */
export function SearchView({ page: view, site }: PageProps<SearchPageView>) {
  const heading = view.query ? `Search: ${view.query}` : 'Search'
  return (
    <section className="search" aria-labelledby="search-title">
      <h1 id="search-title">{heading}</h1>
      <form className="search__form" role="search" action="/search" method="get">
        <label htmlFor="search-q">Words or a &quot;quoted phrase&quot;</label>
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
                <PublishedDate iso={result.publishedAt} timeZone={site.timeZone} />
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
