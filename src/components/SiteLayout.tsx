import type { ReactNode } from 'react'

import type { ProfileLink } from '@/lib/data/views'
import type { SiteIdentity } from '@/lib/site'
import { machinePaths, sectionPath } from '@/lib/urls'

/** Masthead with the sections, main and footer around every page a reader sees (and the editors' preview). */
export function SiteLayout({ site, sections, children }: { site: SiteIdentity; sections: ProfileLink[]; children: ReactNode }) {
  return (
    <>
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
        {sections.length > 0 ? (
          <nav className="sections-nav" aria-label="Sections">
            <ul>
              {sections.map((section) => (
                <li key={section.slug}>
                  <a href={sectionPath(section.slug)}>{section.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main">{children}</main>
      <footer className="footer">
        <p>
          {site.name} · Every image is credited under the photo with its license. <a href={machinePaths.credits}>Image credits</a> ·{' '}
          <a href="/page/1">The archive</a>
        </p>
      </footer>
    </>
  )
}
