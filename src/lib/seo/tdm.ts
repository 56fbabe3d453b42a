import type { SiteIdentity } from '@/lib/site'
import { absoluteUrl, machinePaths } from '@/lib/urls'

/**
 * The publication's terms for machines (W3C TDMRep): when text and data mining is reserved,
 * every page says so in a header and a meta tag, /.well-known/tdmrep.json says so for the
 * whole site, and robots.txt turns away the crawlers that collect for AI training by name.
 * When it is allowed, none of that appears. Image credits and licenses are untouched either way.
 */
export const TDM_RESERVATION = 'tdm-reservation'
export const TDM_POLICY = 'tdm-policy'

/** User agents that collect text for AI training or answer engines, as their operators name them. */
export const AI_CRAWLERS = [
  'GPTBot',
  'ChatGPT-User',
  'ClaudeBot',
  'Claude-Web',
  'anthropic-ai',
  'Google-Extended',
  'Applebot-Extended',
  'CCBot',
  'PerplexityBot',
  'Bytespider',
  'Meta-ExternalAgent',
  'FacebookBot',
  'cohere-ai',
  'Amazonbot',
  'Diffbot',
  'Omgilibot',
  'Timpibot',
  'ImagesiftBot',
] as const

/** Where the reservation's terms are: the site's own policy if set, else the TDMRep file. */
export function tdmPolicyUrl(site: SiteIdentity, origin: string): string {
  return site.tdm.policyUrl ?? absoluteUrl(machinePaths.tdmrep, origin)
}

/**
 * `tdm-reservation: 1` (and `tdm-policy` when one is set), or nothing: the HTTP headers for every
 * page, and equally the names and contents of its `<meta>` tags (TDMRep uses the same pairs).
 */
export function tdmHeaders(site: SiteIdentity): Record<string, string> {
  if (!site.tdm.reserved) return {}
  return { [TDM_RESERVATION]: '1', ...(site.tdm.policyUrl ? { [TDM_POLICY]: site.tdm.policyUrl } : {}) }
}

export type TdmRepRule = { location: string; [TDM_RESERVATION]: 0 | 1; [TDM_POLICY]?: string }

/** /.well-known/tdmrep.json: one rule for the whole site. */
export function toTdmRepJson(site: SiteIdentity): TdmRepRule[] {
  if (!site.tdm.reserved) return [{ location: '/*', [TDM_RESERVATION]: 0 }]
  return [{ location: '/*', [TDM_RESERVATION]: 1, ...(site.tdm.policyUrl ? { [TDM_POLICY]: site.tdm.policyUrl } : {}) }]
}
