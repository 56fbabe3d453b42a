import type { PageConfig } from 'next'

import { publicPage } from '@/lib/pages/publicPage'
import { loadSearchPage } from '@/lib/pages/searchPage'

export { SearchView as default } from '@/components/SearchView'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

/** Rate-limited like the API. Anonymous readers get this page from the server before Next (src/server/searchPage.tsx). */
export const getServerSideProps = publicPage(async (context, site) => {
  const { status, ...found } = await loadSearchPage(context.query, site)
  context.res.statusCode = status
  return found
})
