import type { PageConfig } from 'next'

import { listLandingPage } from '@/lib/pages/listPages'
import { everything } from '@/lib/pages/listSubjects'

export { FrontPage as default } from '@/components/ListPageView'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

/** The front page: the newest articles, and the way into the archive. */
export const getServerSideProps = listLandingPage(everything)
