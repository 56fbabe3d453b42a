import { describe, expect, it } from '@jest/globals'

import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { PublishedDate } from '../../src/components/PublishedDate'
import { formatDate, formatMonth } from '../../src/lib/format'
import { isTimeZone, parseArchiveMonth, zonedMonthOf, zonedMonthRange } from '../../src/lib/timeZone'
import { archiveMonthPath } from '../../src/lib/urls'

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

describe('dates on the publication’s calendar', () => {
  it('shows a date in the zone, so it matches the month archive that lists it', () => {
    expect(formatDate('2024-01-31T22:30:00.000Z')).toBe('31 January 2024')
    expect(formatDate('2024-01-31T22:30:00.000Z', 'UTC')).toBe('31 January 2024')
    expect(formatDate('2024-01-31T22:30:00.000Z', 'Europe/Moscow')).toBe('1 February 2024')
    expect(formatMonth('2024-02')).toBe('February 2024')
  })

  it('links an article’s date to its month in the zone', () => {
    const linked = (timeZone: string) => renderToStaticMarkup(createElement(PublishedDate, { iso: '2024-01-31T22:30:00.000Z', timeZone, linked: true }))
    expect(linked('UTC')).toBe('<a href="/archive/2024/01"><time dateTime="2024-01-31T22:30:00.000Z">31 January 2024</time></a>')
    expect(linked('Europe/Moscow')).toBe('<a href="/archive/2024/02"><time dateTime="2024-01-31T22:30:00.000Z">1 February 2024</time></a>')
    expect(renderToStaticMarkup(createElement(PublishedDate, { iso: '2024-01-31T22:30:00.000Z', timeZone: 'UTC' }))).toBe('<time dateTime="2024-01-31T22:30:00.000Z">31 January 2024</time>')
    expect(archiveMonthPath('2024-02')).toBe('/archive/2024/02')
  })
})
