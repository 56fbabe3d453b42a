import type { CreditSubject, LicenseFacts } from './types'

type Flag = boolean | null | undefined

/** A license as a record stores it: the facts, with flags that may be unset (unset is false). */
export type LicenseRecord = Pick<LicenseFacts, 'name' | 'shortName' | 'spdxId' | 'deedUrl'> & {
  requiresAttribution?: Flag
  allowsCommercialUse?: Flag
  allowsModification?: Flag
  requiresShareAlike?: Flag
}

/** A relationship to a license: the record when populated, its bare id (no facts) when not. */
export type LicenseRef = LicenseRecord | number | string | null | undefined

/** The fields of an image record that its credit prints. */
export type CreditRecord = Pick<CreditSubject, 'title' | 'creator' | 'creatorUrl' | 'sourceUrl' | 'changes'>

export function toLicenseFacts(license: LicenseRef): LicenseFacts | null {
  if (typeof license !== 'object' || license === null) return null
  return {
    name: license.name,
    shortName: license.shortName,
    spdxId: license.spdxId,
    deedUrl: license.deedUrl ?? null,
    requiresAttribution: Boolean(license.requiresAttribution),
    allowsCommercialUse: Boolean(license.allowsCommercialUse),
    allowsModification: Boolean(license.allowsModification),
    requiresShareAlike: Boolean(license.requiresShareAlike),
  }
}

/** The public credit of an image; `license` must be a populated record to appear. */
export function toCreditSubject(media: CreditRecord, license: LicenseRef): CreditSubject {
  return {
    title: media.title ?? null,
    creator: media.creator ?? null,
    creatorUrl: media.creatorUrl ?? null,
    sourceUrl: media.sourceUrl ?? null,
    changes: media.changes ?? null,
    license: toLicenseFacts(license),
  }
}
