import { publicCacheHeaders } from '@/lib/cache/headers'

/** A public document for machines, cacheable and purged by its tags. */
export function publicDocument(body: string, contentType: string, tags: string[], extraHeaders: Record<string, string> = {}): Response {
  return new Response(body, { headers: { 'Content-Type': contentType, ...publicCacheHeaders(tags), ...extraHeaders } })
}
