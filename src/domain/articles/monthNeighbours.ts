import type { Payload, PayloadRequest, Where } from 'payload'

import { zonedMonthOf, zonedMonthRange } from '@/lib/timeZone'

/** The nearest months (`YYYY-MM`) before and after a month that have published articles. */
export type MonthNeighbours = { earlier: string | null; later: string | null }

/**
 * A month archive's way on to the months around it: two indexed reads of one article's date
 * each, whatever the archive holds. Without `req`, as an anonymous reader sees them; with it,
 * inside the change's own transaction (the purge hooks).
 */
export async function findMonthNeighbours(payload: Payload, month: string, timeZone: string, req?: PayloadRequest): Promise<MonthNeighbours> {
  const { start, end } = zonedMonthRange(month, timeZone)
  const nearest = async (where: Where, sort: string): Promise<string | null> => {
    const { docs } = await payload.find({
      collection: 'articles',
      where: { and: [where, { _status: { equals: 'published' } }] },
      sort,
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
  const [earlier, later] = await Promise.all([
    nearest({ publishedAt: { less_than: start.toISOString() } }, '-publishedAt'),
    nearest({ publishedAt: { greater_than_equal: end.toISOString() } }, 'publishedAt'),
  ])
  return { earlier, later }
}
