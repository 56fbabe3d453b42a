import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { SiteLayout } from '@/components/SiteLayout'
import { listSections } from '@/lib/data/profiles'
import { getSiteIdentity } from '@/lib/data/site'
import './styles.css'

/**
 * The App Router part of the site is the editors' preview only (live preview needs Next's client
 * runtime); readers' pages are in src/pages and ship no framework JavaScript.
 */
export const metadata: Metadata = { icons: { icon: { url: '/icon.svg', type: 'image/svg+xml' } } }

export default async function FrontendLayout({ children }: { children: ReactNode }) {
  const [site, sections] = await Promise.all([getSiteIdentity(), listSections()])
  return (
    <html lang={site.locale}>
      <body>
        <SiteLayout site={site} sections={sections}>{children}</SiteLayout>
      </body>
    </html>
  )
}
