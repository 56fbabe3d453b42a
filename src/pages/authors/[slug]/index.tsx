import type { PageConfig } from 'next'

import { listLandingPage } from '@/lib/pages/listPages'
import { author } from '@/lib/pages/listSubjects'

export { ListPage as default } from '@/components/ListPageView'

/** Plain HTML: readers get no framework JavaScript (see README, "How public pages are made"). */
export const config: PageConfig = { unstable_runtimeJS: false }

/** An author's public profile (name, bio, credited photo; never an account's e-mail or role) and their newest articles. */
export const getServerSideProps = listLandingPage(author)
