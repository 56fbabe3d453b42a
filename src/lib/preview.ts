import { createHmac, timingSafeEqual } from 'node:crypto'

import { articlePath } from './urls'

/**
 * The preview link carries a token derived from the server secret and the path, so a link made
 * for one article opens only that article; the preview route also requires a logged-in user.
 */
export function previewToken(secret: string, path: string): string {
  return createHmac('sha256', secret).update(`preview:${path}`).digest('base64url')
}

export function isValidPreviewToken(secret: string, path: string, token: string | null): boolean {
  if (!token) return false
  const expected = Buffer.from(previewToken(secret, path))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

export function previewUrl(secret: string, slug: string): string {
  const path = articlePath(slug)
  return `/next/preview?path=${encodeURIComponent(path)}&token=${previewToken(secret, path)}`
}

/** Only the site's own article pages can be previewed (no open redirect). */
export function isPreviewablePath(path: string | null): path is string {
  return typeof path === 'string' && /^\/articles\/[a-z0-9-]+$/.test(path)
}

/** Where the draft of a previewable page is shown: its own route, so public pages carry no preview code. */
export function previewPagePath(path: string): string {
  return `/preview${path}`
}
