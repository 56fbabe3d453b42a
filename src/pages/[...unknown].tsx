import type { PageConfig } from 'next'

import { notFound, publicPage } from '@/lib/pages/publicPage'

/** Plain HTML: readers get no framework JavaScript. */
export const config: PageConfig = { unstable_runtimeJS: false }

/** Any other path gets the site's own 404 (with status 404) inside the site layout; never stored, as any path may be asked. */
export const getServerSideProps = publicPage<never>(async () => notFound(null))

/** Never rendered: _app shows the 404 for a page that was not found. */
export default function UnknownPage() {
  return null
}
