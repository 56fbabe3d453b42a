import { cleanText } from './text'
import type { LicenseFacts } from './types'

/** A public-domain dedication/mark: nothing to credit legally and no copyright notice. */
export function isPublicDomain(license: LicenseFacts | null | undefined): boolean {
  if (!license) return false
  const spdx = license.spdxId?.toUpperCase()
  if (spdx === 'CC0-1.0' || spdx === 'CC-PDDC') return true
  return /creativecommons\.org\/publicdomain\//i.test(license.deedUrl ?? '')
}

/**
 * No public license: explicit null SPDX id, a `LicenseRef-` id (SPDX's form for
 * non-listed terms), or a record without a deed that allows neither commercial use nor changes.
 */
export function isAllRightsReserved(license: LicenseFacts | null | undefined): boolean {
  if (!license) return false
  if (license.spdxId === null) return true
  if (license.spdxId?.startsWith('LicenseRef-')) return true
  return !license.deedUrl && !license.allowsCommercialUse && !license.allowsModification
}

/** The name shown for a license in credits and messages. */
export function licenseShortName(license: LicenseFacts): string {
  return cleanText(license.shortName) || cleanText(license.name) || 'unnamed license'
}

/** CC0 and other dedications read "CC0 1.0 (public domain)" in credits. */
export function licenseSuffix(license: LicenseFacts | null | undefined): string {
  return isPublicDomain(license) ? ' (public domain)' : ''
}
