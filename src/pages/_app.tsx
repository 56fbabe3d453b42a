import type { AppProps } from 'next/app'

import { NotFound } from '@/components/NotFound'
import { SiteLayout } from '@/components/SiteLayout'
import { isNotFound, isSiteProps } from '@/lib/pages/props'
import '../app/(frontend)/styles.css'

/** The site layout around every public page, or around the site's 404 when the page said so. */
export default function PublicApp({ Component, pageProps }: AppProps<unknown>) {
  // Next's own error pages (a 500) come without the site's props: shown bare.
  if (!isSiteProps(pageProps)) return <Component {...(pageProps as object)} />
  return <SiteLayout site={pageProps.site} sections={pageProps.sections}>{isNotFound(pageProps) ? <NotFound /> : <Component {...pageProps} />}</SiteLayout>
}
