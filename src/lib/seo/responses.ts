import { publicCacheHeaders } from '@/lib/cache/headers'

/** A public document for machines, cacheable and purged by its tags. */
export function publicDocument(body: string, contentType: string, tags: string[], extraHeaders: Record<string, string> = {}): Response {
  return new Response(body, { headers: { 'Content-Type': contentType, ...publicCacheHeaders(tags), ...extraHeaders } })
}

/** A machine document that does not exist: plain text, never stored (any name may be asked). */
export function documentNotFound(message: string): Response {
  return new Response(message, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
