const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "16 May 2024". Dates are shown in UTC so the server and every reader agree. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso))
}
