/** The publication's time zone: an IANA name (Europe/Moscow, Asia/Shanghai); UTC by default. */
export const DEFAULT_TIME_ZONE = 'UTC'

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
  return wall - Math.floor(instant / 1000) * 1000
}

/** The instant the zone's wall clock reads midnight on this day (months may overflow: 13 is January next year). */
function zonedMidnight(year: number, monthIndex: number, timeZone: string): Date {
  const wall = Date.UTC(year, monthIndex, 1)
  // Twice: the offset at the first guess may differ from the offset at midnight itself (a DST change).
  const first = wall - offsetAt(wall, timeZone)
  return new Date(wall - offsetAt(first, timeZone))
}

/** A calendar month (`YYYY-MM`) in the zone, as the instants it starts and ends at. */
export function zonedMonthRange(month: string, timeZone: string): { start: Date; end: Date } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number]
  return { start: zonedMidnight(year, monthNumber - 1, timeZone), end: zonedMidnight(year, monthNumber, timeZone) }
}

/** A calendar year (`YYYY`) in the zone, as the instants it starts and ends at. */
export function zonedYearRange(year: string, timeZone: string): { start: Date; end: Date } {
  return { start: zonedMonthRange(`${year}-01`, timeZone).start, end: zonedMonthRange(`${year}-12`, timeZone).end }
}

/** The `YYYY` of a `YYYY-MM`. */
export function yearOfMonth(month: string): string {
  return month.slice(0, 4)
}

/** The `YYYY-MM` an instant falls in, in the zone. */
export function zonedMonthOf(date: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(date))
  const get = (type: string) => parts.find((part) => part.type === type)?.value
  return `${get('year')}-${get('month')}`
}

/** `/archive/2024/05` segments: a real month, four-digit year. */
export function parseArchiveMonth(year: string | undefined, month: string | undefined): string | null {
  if (!year || !month || !/^\d{4}$/.test(year) || !/^(0[1-9]|1[0-2])$/.test(month)) return null
  return `${year}-${month}`
}
