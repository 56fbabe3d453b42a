import type { Media, SiteSetting } from '@/payload-types'

import { DEFAULT_TIME_ZONE } from './timeZone'

/**
 * The publication's identity and its terms for machines, as the site uses them. Stored in Site
 * settings; the defaults here are what a fresh clone shows before anyone edits them.
 */
export type FeedContent = 'summary' | 'full'
export type TdmChoice = 'allowed' | 'reserved'

export type SiteLogo = { url: string; width: number; height: number; mimeType: string }

export type SiteIdentity = {
  name: string
  description: string
  locale: string
  logo: SiteLogo
  feedContent: FeedContent
  /** Text-and-data-mining reservation (TDMRep); policyUrl only when reserved and set. */
  tdm: { reserved: boolean; policyUrl: string | null }
  /** IANA name: the date archive files articles by the month in this zone. */
  timeZone: string
}

/** Made by scripts/makeLogo.ts into public/. */
export const BUILT_IN_LOGO: SiteLogo = { url: '/logo.png', width: 512, height: 512, mimeType: 'image/png' }

export const siteDefaults = {
  name: 'The Dispatch',
  description: 'World news, with every image credited and licensed.',
  locale: 'en',
  feedContent: 'summary',
  tdm: 'reserved',
} as const satisfies { name: string; description: string; locale: string; feedContent: FeedContent; tdm: TdmChoice }

function toLogo(logo: SiteSetting['logo']): SiteLogo {
  if (typeof logo !== 'object' || logo === null) return BUILT_IN_LOGO
  const { url, width, height, mimeType } = logo as Media
  return url && width && height ? { url, width, height, mimeType: mimeType ?? 'image/png' } : BUILT_IN_LOGO
}

/** Site settings (or none yet) → what the site shows; blank values fall back to the defaults. */
export function toSiteIdentity(settings: Partial<SiteSetting> | null | undefined): SiteIdentity {
  const reserved = (settings?.tdm ?? siteDefaults.tdm) === 'reserved'
  return {
    name: settings?.name?.trim() || siteDefaults.name,
    description: settings?.description?.trim() || siteDefaults.description,
    locale: siteDefaults.locale,
    logo: toLogo(settings?.logo),
    feedContent: settings?.feedContent ?? siteDefaults.feedContent,
    tdm: { reserved, policyUrl: reserved ? settings?.tdmPolicyUrl?.trim() || null : null },
    timeZone: settings?.timeZone?.trim() || DEFAULT_TIME_ZONE,
  }
}
