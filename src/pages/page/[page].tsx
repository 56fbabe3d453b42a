import type { PageConfig } from 'next'

import { listNumberedPage } from '@/lib/pages/listPages'
import { everything } from '@/lib/pages/listSubjects'

export { ListPage as default } from '@/components/ListPageView'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

/** The archive of everything, one stable page at a time (page 1 holds the oldest articles). */
export const getServerSideProps = listNumberedPage(everything)
