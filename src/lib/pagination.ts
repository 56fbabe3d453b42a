/**
 * Stable pages. A list's pages are numbered from its oldest article: page 1 holds the first
 * `size` ever published, and a new article only ever lands on the newest page. A page a reader
 * or a cache already has keeps its articles until one of them changes, so a publish makes a
 * bounded number of pages stale (src/domain/articles/listTags.ts).
 */

/** How many pages a list of `total` articles fills (an empty list still has its first page). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size))
}

/** The page holding the article at `position` (0-based, counted from the oldest). */
export function pageOfPosition(position: number, size: number): number {
  return Math.floor(position / size) + 1
}

/**
 * A list's landing page (the front page, a section, an author) shows its two newest pages: never
 * fewer than `size` articles once there are that many, never an article twice, and "older" leads
 * to the page just below them.
 */
export function landingPages(total: number, size: number): { pages: number[]; older: number | null } {
  const newest = pageCount(total, size)
  const pages = newest > 1 ? [newest, newest - 1] : [newest]
  return { pages, older: newest > 2 ? newest - 2 : null }
}

/** Pages whose articles change when an article at `position` comes or goes in a list of `total` (before or after). */
export function pagesFrom(position: number, total: number, size: number): { first: number; last: number } {
  return { first: pageOfPosition(position, size), last: pageCount(total, size) }
}

/** `/page/3` style segments: whole numbers from 1, no leading zeros, bounded. */
export function parsePageNumber(segment: string | undefined): number | null {
  if (!segment || !/^[1-9]\d{0,6}$/.test(segment)) return null
  return Number(segment)
}
