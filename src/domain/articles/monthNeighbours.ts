import type { Payload, PayloadRequest, Where } from 'payload'

import { zonedMonthOf, zonedMonthRange, zonedYearRange } from '@/lib/timeZone'

/** The nearest months (`YYYY-MM`) before and after a month that have published articles. */
export type MonthNeighbours = { earlier: string | null; later: string | null }

/** Months in a year at most: a year's page is found in as many reads. */
const MONTHS_IN_YEAR = 12

type Reader = { payload: Payload; timeZone: string; req?: PayloadRequest | undefined }

/**
 * The month (in the zone) of the first published article past a bound, in one direction: an
 * indexed read of one article's date. Without `req`, as an anonymous reader sees it; with it,
 * inside the change's own transaction (the purge hooks).
 */
async function nearestMonth({ payload, timeZone, req }: Reader, bound: Where, direction: 'earlier' | 'later'): Promise<string | null> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { and: [bound, { _status: { equals: 'published' } }] },
    sort: direction === 'earlier' ? '-publishedAt' : 'publishedAt',
    limit: 1,
    pagination: false,
    depth: 0,
    select: { publishedAt: true },
    draft: false,
    overrideAccess: req !== undefined,
    ...(req ? { req } : {}),
  })
  const date = docs[0]?.publishedAt
  return date ? zonedMonthOf(date, timeZone) : null
}

/** The nearest months with published articles before `start` and from `end` on: two indexed reads, whatever the archive holds. */
async function monthsAround(reader: Reader, { start, end }: { start: Date; end: Date }): Promise<MonthNeighbours> {
  const [earlier, later] = await Promise.all([
    nearestMonth(reader, { publishedAt: { less_than: start.toISOString() } }, 'earlier'),
    nearestMonth(reader, { publishedAt: { greater_than_equal: end.toISOString() } }, 'later'),
  ])
  return { earlier, later }
}

/** A month archive's way on to the months around it. */
export function findMonthNeighbours(payload: Payload, month: string, timeZone: string, req?: PayloadRequest): Promise<MonthNeighbours> {
  return monthsAround({ payload, timeZone, req }, zonedMonthRange(month, timeZone))
}

/** A year's way on: the nearest months with articles before and after it. */
export function findYearNeighbours(payload: Payload, year: string, timeZone: string): Promise<MonthNeighbours> {
  return monthsAround({ payload, timeZone }, zonedYearRange(year, timeZone))
}

/** The months of a year (`YYYY`) that have published articles, oldest first: one indexed read per month found, and one more. */
export async function findMonthsOfYear(payload: Payload, year: string, timeZone: string): Promise<string[]> {
  const reader = { payload, timeZone }
  const { start, end: yearEnd } = zonedYearRange(year, timeZone)
  const months: string[] = []
  let from = start
  while (months.length < MONTHS_IN_YEAR) {
    const month = await nearestMonth(reader, { and: [{ publishedAt: { greater_than_equal: from.toISOString() } }, { publishedAt: { less_than: yearEnd.toISOString() } }] }, 'later')
    if (!month) break
    months.push(month)
    from = zonedMonthRange(month, timeZone).end
  }
  return months
}
