import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { getSettings } from '@/config/settings'
import { getSiteIdentity } from '@/lib/data/site'
import { toSiteMetadata } from '@/lib/seo/metadata'
import './styles.css'

/** Identity, feed links, default cards and the TDM reservation meta, from Site settings. */
export async function generateMetadata(): Promise<Metadata> {
  return toSiteMetadata(await getSiteIdentity(), getSettings().serverUrl)
}

export default async function FrontendLayout({ children }: { children: ReactNode }) {
  const site = await getSiteIdentity()
  return (
    <html lang={site.locale}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="masthead">
          <a href="/" className="masthead__name">
            {site.name}
          </a>
          <a href="/search" className="masthead__search">
            Search
          </a>
        </header>
        <main id="main">{children}</main>
        <footer className="footer">
          <p>
            {site.name} · Every image is credited under the photo with its license. <a href="/credits">Image credits</a>
          </p>
        </footer>
      </body>
    </html>
  )
}
