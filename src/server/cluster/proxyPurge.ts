import type { PurgeTarget } from '../../lib/cache/purge'

/** The request header deploy/varnish/default.vcl reads the tags from. */
export const PROXY_PURGE_HEADER = 'xkey-purge'

const TIMEOUT_MS = 2000

/**
 * The 'edge' purge target for a caching proxy (Varnish with xkey): one PURGE request listing the
 * tags; the proxy drops every object whose Surrogate-Key names one of them.
 */
export function createProxyPurgeTarget(purgeUrl: string, send: typeof fetch = fetch): PurgeTarget {
  return async (tags) => {
    const response = await send(purgeUrl, { method: 'PURGE', headers: { [PROXY_PURGE_HEADER]: tags.join(' ') }, signal: AbortSignal.timeout(TIMEOUT_MS) })
    if (!response.ok) throw new Error(`the proxy at ${purgeUrl} refused the purge: ${response.status} ${await response.text()}`)
  }
}
