import { DEFAULT_TIME_ZONE } from './timeZone'

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * "16 May 2024" on the publication's calendar (Site settings' time zone, UTC by default): the
 * day its month archive files the article under, whoever reads it and wherever.
 */
export function formatDate(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  let format = dateFormats.get(timeZone)
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone })))
  return format.format(new Date(iso))
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "May 2024" for the month `2024-05`. */
export function formatMonth(month: string): string {
  return monthFormat.format(new Date(`${month}-15T00:00:00Z`))
}
