import type { PageConfig } from 'next'

import { searchForReaders } from '@/lib/data/search'
import { publicPage } from '@/lib/pages/publicPage'
import { toPageMeta } from '@/lib/seo/metadata'

export { SearchView as default } from '@/components/SearchView'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

/**
 * Per query, read when asked: never stored (src/server/responseCache/policy.ts), rate-limited like
 * the API. A query that cannot be answered (too long, a page out of range) shows the form and the
 * reason, as a 400.
 */
export const getServerSideProps = publicPage(async (context, { site, origin }) => {
  const view = await searchForReaders(context.query)
  if (view.problem) context.res.statusCode = 400
  // Result pages are endless and change with every article: not for search engines' indexes.
  const head = toPageMeta({ title: 'Search', description: `Search the articles of ${site.name}.`, path: '/search' }, site, origin, { robots: 'noindex, follow' })
  return { page: view, head, tags: null }
})
