import type { PageConfig } from 'next'

import { creditsNumberedPage } from '@/lib/pages/creditPages'

export { CreditsPage as default } from '@/components/CreditsView'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

/** Older images, one stable page at a time. */
export const getServerSideProps = creditsNumberedPage
