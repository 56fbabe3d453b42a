import type { PageConfig } from 'next'

import { publicPage } from '@/lib/pages/publicPage'
import { loadYearArchive } from '@/lib/pages/yearArchive'

export { YearArchive as default } from '@/components/YearArchiveView'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

/** The months of a year that have articles, in the publication's time zone. */
export const getServerSideProps = publicPage(loadYearArchive)
