import type { ProfileLink } from '@/lib/data/views'
import type { PageMeta } from '@/lib/seo/metadata'
import type { SiteIdentity } from '@/lib/site'

/*
 * The props every public page (src/pages) gets from publicPage. Kept apart from publicPage.ts,
 * which reads Payload: _app imports these guards, and _app is compiled for the browser too.
 */

/** What every public page gets: the site (layout, language), its sections (navigation), its origin, its <head>. */
export type SiteProps = { site: SiteIdentity; sections: ProfileLink[]; origin: string; head: PageMeta }
/** A page that was found: the above and its own data. */
export type PageProps<P> = SiteProps & { page: P }
/** Not found: _app renders the site's 404 instead of the page. */
export type NotFoundProps = SiteProps & { notFound: true }

export function isSiteProps(props: unknown): props is SiteProps {
  return typeof props === 'object' && props !== null && 'site' in props && 'head' in props
}

export function isNotFound(props: SiteProps): props is NotFoundProps {
  return 'notFound' in props
}
