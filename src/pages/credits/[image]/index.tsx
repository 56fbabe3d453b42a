import type { PageConfig } from 'next'

import { listLandingPage } from '@/lib/pages/listPages'
import { image } from '@/lib/pages/listSubjects'

export { ListPage as default } from '@/components/ListPageView'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

/** An image's own page: the photo, its full credit and license terms, and the published articles using it (embargoed images answer 404). */
export const getServerSideProps = listLandingPage(image)
