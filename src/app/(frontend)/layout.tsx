import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { getSettings } from '@/config/settings'
import { site } from '@/lib/site'
import './styles.css'

export const metadata: Metadata = {
  metadataBase: new URL(getSettings().serverUrl),
  title: { default: site.name, template: `%s · ${site.name}` },
  description: site.description,
}

export default function FrontendLayout({ children }: { children: ReactNode }) {
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
