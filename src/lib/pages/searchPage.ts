import { searchForReaders, type SearchPageView } from '@/lib/data/search'
import { toPageMeta } from '@/lib/seo/metadata'
import type { SiteIdentity } from '@/lib/site'
import type { Found } from './publicPage'

type SearchParams = Parameters<typeof searchForReaders>[0]

/**
 * The reader's search page for these parameters, wherever it is rendered: by Next
 * (src/pages/search.tsx) or, for anonymous readers, by the server before Next
 * (src/server/searchPage.tsx). Per query, read when asked: never stored (`tags` null). A query
 * that cannot be answered (too long, a page out of range) shows the form and the reason, as a 400.
 */
export async function loadSearchPage(params: SearchParams, { site, origin }: { site: SiteIdentity; origin: string }): Promise<Found<SearchPageView> & { status: 200 | 400 }> {
  const view = await searchForReaders(params)
  // Result pages are endless and change with every article: not for search engines' indexes.
  const head = toPageMeta({ title: 'Search', description: `Search the articles of ${site.name}.`, path: '/search' }, site, origin, { robots: 'noindex, follow' })
  return { page: view, head, tags: null, status: view.problem ? 400 : 200 }
}
