import type { SiteIdentity } from '@/lib/site'
import { absoluteUrl, machinePaths } from '@/lib/urls'
import { AI_CRAWLERS } from './tdm'

/** Never useful to a crawler: the admin and the draft-preview entry points. */
const PRIVATE_PATHS = ['/admin', '/next/']

/**
 * robots.txt (RFC 9309): everyone may crawl the site except its private paths; when text and
 * data mining is reserved, one group turns the AI crawlers away by name. Sitemaps are named.
 */
export function renderRobots(site: SiteIdentity, origin: string): string {
  const groups = [['User-agent: *', 'Allow: /', ...PRIVATE_PATHS.map((path) => `Disallow: ${path}`)]]
  if (site.tdm.reserved) groups.push([...AI_CRAWLERS.map((agent) => `User-agent: ${agent}`), 'Disallow: /'])
  const sitemaps = [machinePaths.sitemap, machinePaths.newsSitemap].map((path) => `Sitemap: ${absoluteUrl(path, origin)}`)
  return `${[...groups.map((group) => group.join('\n')), sitemaps.join('\n')].join('\n\n')}\n`
}
