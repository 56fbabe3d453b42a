import { findMonthsOfYear, findYearNeighbours } from '@/domain/articles/monthNeighbours'
import { cacheTags } from '@/lib/cache/tags'
import { getPayloadClient } from '@/lib/data/payload'
import { toPageMeta } from '@/lib/seo/metadata'
import { toListPageJsonLd, type Crumb } from '@/lib/structuredData'
import { archiveYearPath } from '@/lib/urls'
import { monthLink, yearLink } from './dateArchiveLinks'
import { HOME_CRUMB } from './listSubjects'
import { notFound, type PageLoader } from './publicPage'

export type YearArchiveData = { year: string; description: string; months: Crumb[]; later: Crumb | null; earlier: Crumb | null; jsonLd: Record<string, unknown> }

/**
 * A year of the date archive: its months with published articles (in the publication's time
 * zone) and the nearest years around it, read one month at a time (at most 15 indexed reads of
 * one date each). A year with nothing published is a 404, kept until an article lands in it.
 */
export const loadYearArchive: PageLoader<YearArchiveData> = async (context, { site, origin }) => {
  const year = typeof context.params?.year === 'string' ? context.params.year : ''
  if (!/^\d{4}$/.test(year)) return notFound(null)
  const payload = await getPayloadClient()
  const months = await findMonthsOfYear(payload, year, site.timeZone)
  if (months.length === 0) return notFound([cacheTags.archiveYear(year)])
  const around = await findYearNeighbours(payload, year, site.timeZone)
  const path = archiveYearPath(year)
  const description = `Everything ${site.name} published in ${year}, month by month.`
  return {
    page: {
      year,
      description,
      months: months.map(monthLink),
      later: around.later ? yearLink(around.later) : null,
      earlier: around.earlier ? yearLink(around.earlier) : null,
      jsonLd: toListPageJsonLd({ kind: 'collection', name: year, description, path, trail: [HOME_CRUMB, { name: year, path }], articles: [] }, { origin, site }),
    },
    head: toPageMeta({ title: year, description, path }, site, origin),
    tags: [cacheTags.archiveYear(year)],
  }
}
