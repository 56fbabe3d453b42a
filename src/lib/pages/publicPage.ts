import type { GetServerSideProps, GetServerSidePropsContext } from 'next'

import { getSettings } from '@/config/settings'
import { publicCacheHeaders } from '@/lib/cache/headers'
import { cacheTags } from '@/lib/cache/tags'
import { listSections } from '@/lib/data/profiles'
import { findRedirect } from '@/lib/data/redirects'
import { getSiteIdentity } from '@/lib/data/site'
import { toNotFoundMeta, type PageMeta } from '@/lib/seo/metadata'
import type { SiteIdentity } from '@/lib/site'
import type { NotFoundProps, PageProps, SiteProps } from './props'

/*
 * How a public page is made (src/pages): `getServerSideProps = publicPage(load)`, where `load`
 * reads through src/lib/data and says what the page shows, its <head> and its cache tags.
 * _document renders the head and `<html lang>` from the props (./props.ts), _app the site layout
 * (or the 404).
 */

/** `tags` null: a page for one request only (search results), never kept by a shared cache. */
export type Found<P> = { page: P; head: PageMeta; tags: string[] | null }
/** `tags` purge a stored 404 when the page appears; null keeps the 404 out of shared caches (any path at all). */
export type Missing = { notFound: true; tags: string[] | null }

export type PageLoader<P> = (context: GetServerSidePropsContext, site: { site: SiteIdentity; origin: string }) => Promise<Found<P> | Missing>

export function notFound(tags: string[] | null): Missing {
  return { notFound: true, tags }
}

/**
 * Public and purged by its tags (and `site`, shown on every page), for the response cache and a
 * proxy. A request Express already marked personal (a session) keeps its private Cache-Control.
 */
function setCacheHeaders(res: GetServerSidePropsContext['res'], tags: string[]): void {
  const headers = publicCacheHeaders([...tags, cacheTags.site])
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'Cache-Control' && res.getHeader(name) !== undefined) continue
    res.setHeader(name, value)
  }
}

/** What every public page shows besides its own content: the site, its sections, the origin its links and tags name. */
export async function loadSiteProps(): Promise<Omit<SiteProps, 'head'>> {
  const [site, sections] = await Promise.all([getSiteIdentity(), listSections()])
  return { site, sections, origin: getSettings().serverUrl }
}

export function publicPage<P>(load: PageLoader<P>): GetServerSideProps<PageProps<P> | NotFoundProps> {
  return async (context) => {
    const { site, sections, origin } = await loadSiteProps()
    const result = await load(context, { site, origin })
    if ('notFound' in result) {
      // An address that moved (a changed slug) answers 301 to where the document is now.
      const moved = await findRedirect(new URL(context.resolvedUrl, origin).pathname)
      if (moved) return { redirect: { destination: moved, statusCode: 301 } }
    }
    if (result.tags) setCacheHeaders(context.res, result.tags)
    if ('notFound' in result) {
      context.res.statusCode = 404
      return { props: { site, sections, origin, head: toNotFoundMeta(site, origin), notFound: true } }
    }
    return { props: { site, sections, origin, head: result.head, page: result.page } }
  }
}
