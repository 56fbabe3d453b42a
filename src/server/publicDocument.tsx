import fs from 'node:fs'
import path from 'node:path'

import type { ComponentType } from 'react'
import { renderToStaticMarkup, renderToString } from 'react-dom/server'

import { HeadTags } from '@/components/HeadTags'
import { SiteLayout } from '@/components/SiteLayout'
import type { PageProps } from '@/lib/pages/props'

/** The stylesheets Next links on a page of the build in `distDir`: the app's, then the page's own. */
export function pageStylesheets(distDir: string, page: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { pages: Record<string, string[] | undefined> }
  const files = [...(manifest.pages['/_app'] ?? []), ...(manifest.pages[page] ?? [])]
  return [...new Set(files.filter((file) => file.endsWith('.css')))].map((file) => `/_next/${file}`)
}

/**
 * A public page's HTML as Next makes it from src/pages/_document.tsx and _app.tsx (the same
 * head tags, layout and stylesheets), for a page the server answers before Next.
 * tests/http/search.test.ts holds the two to the same markup.
 */
export function renderPublicDocument<P>(Page: ComponentType<PageProps<P>>, props: PageProps<P>, stylesheets: readonly string[]): string {
  // renderToString, as Next renders the page: text is split (<!-- -->) the same way.
  const body = renderToString(
    <SiteLayout site={props.site} sections={props.sections}>
      <Page {...props} />
    </SiteLayout>,
  )
  const document = renderToStaticMarkup(
    <html lang={props.site.locale}>
      {/* eslint-disable-next-line @next/next/no-head-element -- rendered outside Next, where next/head does nothing. */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <HeadTags meta={props.head} />
        {stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
      </head>
      <body>
        <div id="__next" dangerouslySetInnerHTML={{ __html: body }} />
      </body>
    </html>,
  )
  return `<!DOCTYPE html>${document}`
}
