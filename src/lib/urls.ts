/** The only place site URLs are built. */
export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`
}

export function absoluteUrl(pathOrUrl: string, origin: string): string {
  return new URL(pathOrUrl, `${origin.replace(/\/$/, '')}/`).toString()
}

/** Public documents for machines: feeds, sitemaps, terms and the API contract. */
export const machinePaths = {
  rss: '/feed.xml',
  atom: '/atom.xml',
  jsonFeed: '/feed.json',
  sitemap: '/sitemap.xml',
  newsSitemap: '/news-sitemap.xml',
  robots: '/robots.txt',
  tdmrep: '/.well-known/tdmrep.json',
  openapi: '/api/openapi.json',
  apiDocs: '/api/docs',
  credits: '/credits',
} as const

export function sectionPath(slug: string): string {
  return `/sections/${encodeURIComponent(slug)}`
}

export function authorPath(slug: string): string {
  return `/authors/${encodeURIComponent(slug)}`
}

/** Collections whose documents have a public address made from their slug. */
export const slugPaths = { articles: articlePath, sections: sectionPath, authors: authorPath } as const
export type SluggedCollection = keyof typeof slugPaths

/** A year's archive page: its months. */
export function archiveYearPath(year: string): string {
  return `/archive/${year}`
}

/** A month's archive page, from its `YYYY-MM` (src/lib/timeZone.ts). */
export function archiveMonthPath(month: string): string {
  const [year, monthNumber] = month.split('-') as [string, string]
  return `/archive/${year}/${monthNumber}`
}

/** An image's own page: the photo, its full credit and license terms, and the articles using it. */
export function imageCreditPath(id: number | string): string {
  return `${machinePaths.credits}/${encodeURIComponent(String(id))}`
}
