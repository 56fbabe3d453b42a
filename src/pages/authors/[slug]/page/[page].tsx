import type { PageConfig } from 'next'

import { listNumberedPage } from '@/lib/pages/listPages'
import { author } from '@/lib/pages/listSubjects'

export { ListPage as default } from '@/components/ListPageView'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

/** An author's older articles, one stable page at a time. */
export const getServerSideProps = listNumberedPage(author)
