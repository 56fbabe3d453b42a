import type { GetServerSidePropsContext } from 'next'

import { findMonthNeighbours } from '@/domain/articles/monthNeighbours'
import { cacheTags } from '@/lib/cache/tags'
import { getCreditedImage } from '@/lib/data/credits'
import { getPayloadClient } from '@/lib/data/payload'
import { getAuthor, getSection } from '@/lib/data/profiles'
import { scopedFeedLinks } from '@/lib/seo/metadata'
import type { SiteIdentity } from '@/lib/site'
import { parseArchiveMonth } from '@/lib/timeZone'
import { authorPath, imageCreditPath, machinePaths, sectionPath } from '@/lib/urls'
import { monthLink, yearLink } from './dateArchiveLinks'
import type { ListSubject } from './listPages'

/** Which list an address names: the page files in src/pages pass one of these to listPages. */

export const HOME_CRUMB = { name: 'Home', path: '/' }

function param(context: GetServerSidePropsContext, name: string): string | undefined {
  const value = context.params?.[name]
  return typeof value === 'string' ? value : undefined
}

export async function everything(_context: GetServerSidePropsContext, site: SiteIdentity): Promise<ListSubject> {
  return { list: { kind: 'all' }, name: site.name, description: null, path: '/', trail: [HOME_CRUMB], kind: 'front', tags: [cacheTags.articleList] }
}

export async function section(context: GetServerSidePropsContext): Promise<ListSubject | null> {
  const found = await getSection(param(context, 'slug') ?? '')
  if (!found) return null
  const path = sectionPath(found.slug)
  return {
    list: { kind: 'section', id: found.id },
    name: found.name,
    description: found.description,
    path,
    trail: [HOME_CRUMB, { name: found.name, path }],
    kind: 'collection',
    tags: [cacheTags.section(found.id)],
    feeds: (site, origin) => scopedFeedLinks(found.name, path, site, origin),
  }
}

export async function author(context: GetServerSidePropsContext): Promise<ListSubject | null> {
  const found = await getAuthor(param(context, 'slug') ?? '')
  if (!found) return null
  const path = authorPath(found.slug)
  return {
    list: { kind: 'author', id: found.id },
    name: found.name,
    description: found.bio,
    path,
    trail: [HOME_CRUMB, { name: found.name, path }],
    kind: 'profile',
    tags: [cacheTags.author(found.id), ...(found.photo ? [cacheTags.media(found.photo.id)] : [])],
    feeds: (site, origin) => scopedFeedLinks(found.name, path, site, origin),
    profile: found,
  }
}

export async function month(context: GetServerSidePropsContext, site: SiteIdentity): Promise<ListSubject | null> {
  const key = parseArchiveMonth(param(context, 'year'), param(context, 'month'))
  if (!key) return null
  const { name, path } = monthLink(key)
  const around = await findMonthNeighbours(await getPayloadClient(), key, site.timeZone)
  const year = yearLink(key)
  return {
    list: { kind: 'month', month: key, timeZone: site.timeZone },
    name,
    description: `Everything ${site.name} published in ${name}.`,
    path,
    trail: [HOME_CRUMB, year, { name, path }],
    kind: 'collection',
    tags: [],
    months: { earlier: around.earlier ? monthLink(around.earlier) : null, later: around.later ? monthLink(around.later) : null, year },
  }
}

export async function image(context: GetServerSidePropsContext): Promise<ListSubject | null> {
  const found = await getCreditedImage(param(context, 'image') ?? '')
  if (!found) return null
  const path = imageCreditPath(found.id)
  const name = found.alt.trim() || 'An image'
  return {
    list: { kind: 'image', id: found.id },
    name,
    description: found.caption,
    path,
    trail: [HOME_CRUMB, { name: 'Image credits', path: machinePaths.credits }, { name, path }],
    kind: 'collection',
    tags: [cacheTags.media(found.id)],
    image: found,
  }
}
