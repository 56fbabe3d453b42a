/**
 * Headers that make a response cacheable by the response cache (and by a purging proxy such as
 * Varnish): browsers revalidate every time (never stale news), caches keep it until a tag is purged.
 */
export const SURROGATE_KEY_HEADER = 'Surrogate-Key'
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate'
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

/** The public Cache-Control, with an `s-maxage` that bounds how long shared caches keep it, when given. */
export function publicCacheControl(sMaxAgeSeconds?: number): string {
  return sMaxAgeSeconds ? `${PUBLIC_CACHE_CONTROL}, s-maxage=${sMaxAgeSeconds}` : PUBLIC_CACHE_CONTROL
}

export function publicCacheHeaders(tags: Iterable<string>): Record<string, string> {
  return { 'Cache-Control': PUBLIC_CACHE_CONTROL, [SURROGATE_KEY_HEADER]: [...new Set(tags)].join(' ') }
}
