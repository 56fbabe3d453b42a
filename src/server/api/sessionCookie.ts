/**
 * Payload reads its session cookie only from browsers on the site's own origins (its CSRF
 * check: an allowed Origin, or no Origin and `Sec-Fetch-Site` same-origin, same-site or none).
 * Anything else carrying the cookie is served as an anonymous reader, without a word. For a
 * draft read that means the published row where the caller expected the draft: this says when
 * Payload will ignore the cookie, so the API can say so instead.
 */
const ACCEPTED_FETCH_SITES = new Set(['same-origin', 'same-site', 'none'])

export function isSessionCookieIgnored(headers: Headers, { cookiePrefix, csrf }: { cookiePrefix: string; csrf: string[] }): boolean {
  if (headers.get('authorization')) return false
  const cookie = headers.get('cookie') ?? ''
  const name = `${cookiePrefix}-token=`
  if (!cookie.split(';').some((part) => part.trim().startsWith(name) && part.trim().length > name.length)) return false
  if (csrf.length === 0) return false
  const origin = headers.get('origin')
  if (origin) return !csrf.includes(origin)
  return !ACCEPTED_FETCH_SITES.has(headers.get('sec-fetch-site') ?? '')
}

export const IGNORED_COOKIE_MESSAGE =
  'A draft read needs a signed-in caller, and the session cookie was not accepted: Payload takes it only from browsers on this site (Origin or Sec-Fetch-Site). API clients send `Authorization: JWT <token>` (or `Bearer`).'
