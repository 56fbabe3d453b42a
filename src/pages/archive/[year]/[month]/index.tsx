import type { PageConfig } from 'next'

import { listLandingPage } from '@/lib/pages/listPages'
import { month } from '@/lib/pages/listSubjects'

export { ListPage as default } from '@/components/ListPageView'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

/** What was published in a month, in the publication's time zone. */
export const getServerSideProps = listLandingPage(month)
