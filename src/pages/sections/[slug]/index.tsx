import type { PageConfig } from 'next'

import { listLandingPage } from '@/lib/pages/listPages'
import { section } from '@/lib/pages/listSubjects'

export { ListPage as default } from '@/components/ListPageView'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

/** A section: its newest articles and its feeds. */
export const getServerSideProps = listLandingPage(section)
