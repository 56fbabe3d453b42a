import type { LicenseFacts } from './types'

/** A catalog entry always has an id: the seed and the licenses collection key on it. */
export type CatalogLicense = LicenseFacts & { spdxId: string }

// Data from the SPDX license list (spdx.org/licenses) and the Creative Commons deeds.
const cc = (
  path: string,
  spdxId: string,
  name: string,
  shortName: string,
  flags: Pick<LicenseFacts, 'allowsCommercialUse' | 'allowsModification' | 'requiresShareAlike'>,
): CatalogLicense =>
  Object.freeze({
    name,
    shortName,
    spdxId,
    deedUrl: `https://creativecommons.org/${path}`,
    requiresAttribution: true,
    ...flags,
  })

export const CC0_1_0: CatalogLicense = Object.freeze({
  name: 'CC0 1.0 Universal',
  shortName: 'CC0 1.0',
  spdxId: 'CC0-1.0',
  deedUrl: 'https://creativecommons.org/publicdomain/zero/1.0/',
  // Credit is good practice, not a legal requirement, for a public-domain dedication.
  requiresAttribution: false,
  allowsCommercialUse: true,
  allowsModification: true,
  requiresShareAlike: false,
})

export const CC_BY_4_0 = cc(
  'licenses/by/4.0/',
  'CC-BY-4.0',
  'Creative Commons Attribution 4.0 International',
  'CC BY 4.0',
  { allowsCommercialUse: true, allowsModification: true, requiresShareAlike: false },
)

export const CC_BY_SA_4_0 = cc(
  'licenses/by-sa/4.0/',
  'CC-BY-SA-4.0',
  'Creative Commons Attribution-ShareAlike 4.0 International',
  'CC BY-SA 4.0',
  { allowsCommercialUse: true, allowsModification: true, requiresShareAlike: true },
)

export const CC_BY_ND_4_0 = cc(
  'licenses/by-nd/4.0/',
  'CC-BY-ND-4.0',
  'Creative Commons Attribution-NoDerivatives 4.0 International',
  'CC BY-ND 4.0',
  { allowsCommercialUse: true, allowsModification: false, requiresShareAlike: false },
)

export const CC_BY_NC_4_0 = cc(
  'licenses/by-nc/4.0/',
  'CC-BY-NC-4.0',
  'Creative Commons Attribution-NonCommercial 4.0 International',
  'CC BY-NC 4.0',
  { allowsCommercialUse: false, allowsModification: true, requiresShareAlike: false },
)

export const CC_BY_NC_SA_4_0 = cc(
  'licenses/by-nc-sa/4.0/',
  'CC-BY-NC-SA-4.0',
  'Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International',
  'CC BY-NC-SA 4.0',
  { allowsCommercialUse: false, allowsModification: true, requiresShareAlike: true },
)

export const CC_BY_NC_ND_4_0 = cc(
  'licenses/by-nc-nd/4.0/',
  'CC-BY-NC-ND-4.0',
  'Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International',
  'CC BY-NC-ND 4.0',
  { allowsCommercialUse: false, allowsModification: false, requiresShareAlike: false },
)

/** No public license: any use needs a separate grant from the rights holder. */
export const ALL_RIGHTS_RESERVED: CatalogLicense = Object.freeze({
  name: 'All rights reserved',
  shortName: 'All rights reserved',
  // SPDX lists no id for this; LicenseRef- is SPDX's form for terms it does not list.
  spdxId: 'LicenseRef-All-Rights-Reserved',
  deedUrl: null,
  requiresAttribution: true,
  allowsCommercialUse: false,
  allowsModification: false,
  requiresShareAlike: false,
})

export const LICENSE_CATALOG: readonly CatalogLicense[] = Object.freeze([
  CC0_1_0,
  CC_BY_4_0,
  CC_BY_SA_4_0,
  CC_BY_ND_4_0,
  CC_BY_NC_4_0,
  CC_BY_NC_SA_4_0,
  CC_BY_NC_ND_4_0,
  ALL_RIGHTS_RESERVED,
])

/** Looks a license up by SPDX id; SPDX ids match case-insensitively (SPDX spec, Annex). */
export function findLicenseBySpdxId(id: string | null | undefined): CatalogLicense | undefined {
  const wanted = typeof id === 'string' ? id.trim().toLowerCase() : ''
  if (!wanted) return undefined
  return LICENSE_CATALOG.find((license) => license.spdxId.toLowerCase() === wanted)
}
