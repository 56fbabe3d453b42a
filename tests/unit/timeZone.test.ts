import { describe, expect, it } from '@jest/globals'

import { isTimeZone, parseArchiveMonth, zonedMonthOf, zonedMonthRange } from '../../src/lib/timeZone'

describe('the publication’s time zone', () => {
  it('knows IANA names', () => {
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('Europe/Moscow')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
  })

  it('gives a month’s bounds as instants in the zone', () => {
    expect(zonedMonthRange('2024-05', 'UTC')).toEqual({ start: new Date('2024-05-01T00:00:00.000Z'), end: new Date('2024-06-01T00:00:00.000Z') })
    expect(zonedMonthRange('2024-12', 'Asia/Shanghai')).toEqual({ start: new Date('2024-11-30T16:00:00.000Z'), end: new Date('2024-12-31T16:00:00.000Z') })
    // New York changes to summer time on 10 March 2024: March starts at UTC-5 and ends at UTC-4.
    expect(zonedMonthRange('2024-03', 'America/New_York')).toEqual({ start: new Date('2024-03-01T05:00:00.000Z'), end: new Date('2024-04-01T04:00:00.000Z') })
  })

  it('files an article under the month of the zone, not of UTC', () => {
    expect(zonedMonthOf('2024-05-31T20:00:00.000Z', 'UTC')).toBe('2024-05')
    expect(zonedMonthOf('2024-05-31T20:00:00.000Z', 'Europe/Moscow')).toBe('2024-05')
    expect(zonedMonthOf('2024-05-31T21:30:00.000Z', 'Europe/Moscow')).toBe('2024-06')
  })

  it('reads archive segments strictly', () => {
    expect(parseArchiveMonth('2024', '05')).toBe('2024-05')
    for (const [year, month] of [['2024', '5'], ['2024', '13'], ['24', '05'], ['2024', '00'], [undefined, '05']]) expect(parseArchiveMonth(year, month)).toBeNull()
  })
})
