import { formatMonth } from '@/lib/format'
import type { Crumb } from '@/lib/structuredData'
import { yearOfMonth } from '@/lib/timeZone'
import { archiveMonthPath, archiveYearPath } from '@/lib/urls'

/** A month's archive page as a link ("May 2024"), from its `YYYY-MM`. */
export function monthLink(month: string): Crumb {
  return { name: formatMonth(month), path: archiveMonthPath(month) }
}

/** The archive page of the year a `YYYY-MM` falls in ("2024"). */
export function yearLink(month: string): Crumb {
  const year = yearOfMonth(month)
  return { name: year, path: archiveYearPath(year) }
}
