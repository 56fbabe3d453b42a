import type { PageConfig } from 'next'

import { creditsLanding } from '@/lib/pages/creditPages'

export { CreditsPage as default } from '@/components/CreditsView'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

/** Every public image, newest first, with its full credit. */
export const getServerSideProps = creditsLanding
