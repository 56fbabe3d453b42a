import { Head, Html, Main, NextScript, type DocumentProps } from 'next/document'

import { HeadTags } from '@/components/HeadTags'
import { isSiteProps } from '@/lib/pages/props'
import { siteDefaults } from '@/lib/site'

/**
 * The HTML document of every public page: `<html lang>` and the `<head>` tags come from the
 * page's own props (src/lib/pages/publicPage.ts). NextScript renders nothing in production:
 * every page sets `unstable_runtimeJS: false`.
 */
export default function PublicDocument({ __NEXT_DATA__ }: DocumentProps) {
  const props: unknown = __NEXT_DATA__.props?.pageProps
  const site = isSiteProps(props) ? props : null
  return (
    <Html lang={site?.site.locale ?? siteDefaults.locale}>
      <Head>{site ? <HeadTags meta={site.head} /> : null}</Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  )
}
