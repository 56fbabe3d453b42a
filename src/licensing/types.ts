/** Facts about one license, as stored on a license record or in LICENSE_CATALOG. */
export type LicenseFacts = {
  /** Official full name, e.g. "Creative Commons Attribution 4.0 International". */
  name: string
  /** Name used in credit lines, e.g. "CC BY 4.0". */
  shortName: string
  /** SPDX identifier, e.g. "CC-BY-4.0"; null for all rights reserved. */
  spdxId?: string | null
  /** Human-readable deed, e.g. "https://creativecommons.org/licenses/by/4.0/". */
  deedUrl?: string | null
  requiresAttribution: boolean
  allowsCommercialUse: boolean
  allowsModification: boolean
  requiresShareAlike: boolean
}

/** Everything needed to credit one image (TASL: title, author, source, license). */
export type CreditSubject = {
  /** Title of the work; optional in CC 4.0. */
  title?: string | null
  /** Creator as written, in any script (Cyrillic, Chinese, Arabic...). */
  creator?: string | null
  creatorUrl?: string | null
  /** Where the original lives. */
  sourceUrl?: string | null
  /** Note of changes made, e.g. "Cropped from original". */
  changes?: string | null
  /** For all-rights-reserved images: the recorded grant. Internal; never printed in credits. */
  permissionNote?: string | null
  license?: LicenseFacts | null
}
