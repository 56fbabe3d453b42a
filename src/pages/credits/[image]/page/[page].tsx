import type { PageConfig } from 'next'

import { listNumberedPage } from '@/lib/pages/listPages'
import { image } from '@/lib/pages/listSubjects'

export { ListPage as default } from '@/components/ListPageView'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

/** Older articles using an image, one stable page at a time. */
export const getServerSideProps = listNumberedPage(image)
