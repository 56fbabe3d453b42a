import type { ReactNode } from 'react'

import type { SiteIdentity } from '@/lib/site'

/** Masthead, main and footer around every page a reader sees (and the editors' preview). */
export function SiteLayout({ site, children }: { site: SiteIdentity; children: ReactNode }) {
  return (
    <>
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
    </>
  )
}
