import { formatDate } from '@/lib/format'
import { zonedMonthOf } from '@/lib/timeZone'
import { archiveMonthPath } from '@/lib/urls'

/** A date on the publication's calendar; `linked`: to the month archive that lists it. */
export function PublishedDate({ iso, timeZone, prefix, linked = false }: { iso: string | null; timeZone: string; prefix?: string; linked?: boolean }) {
  if (!iso) return null
  const date = (
    <time dateTime={iso}>
      {prefix}
      {formatDate(iso, timeZone)}
    </time>
  )
  return linked ? <a href={archiveMonthPath(zonedMonthOf(iso, timeZone))}>{date}</a> : date
}
