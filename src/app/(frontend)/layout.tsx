import type { Metadata } from 'next'
import Link from 'next/link'
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
          <Link href="/" className="masthead__name">
            {site.name}
          </Link>
        </header>
        <main id="main">{children}</main>
        <footer className="footer">
          <p>
            {site.name} · Every image is credited under the photo with its license. <Link href="/credits">Image credits</Link>
          </p>
        </footer>
      </body>
    </html>
  )
}
