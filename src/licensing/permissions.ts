import { isAllRightsReserved, licenseShortName } from './classify'
import { cleanText } from './text'
import type { CreditSubject, LicenseFacts } from './types'

/** How the publication means to use the image. */
export type IntendedUse = {
  /** The publication is commercial (ads, subscriptions). */
  commercial: boolean
  /** The image is adapted, e.g. cropped. Resizing and re-encoding are not adaptations (CC 4.0 §2(a)(4)). */
  modified: boolean
}

export type LicenseViolationRule =
  | 'no-license'
  | 'non-commercial'
  | 'no-derivatives'
  | 'all-rights-reserved-without-permission'
  | 'missing-creator'

export type LicenseViolation = { rule: LicenseViolationRule; message: string }

/**
 * Reasons the image must not be used as intended; [] means it may be used (refused when the
 * license forbids any intended use). For all-rights-reserved images the recorded grant
 * decides: its terms are free text, so commercial use and changes are not checked against it.
 */
export function findLicenseViolations(subject: CreditSubject, use: IntendedUse): LicenseViolation[] {
  const license = subject.license
  if (!license) {
    return [
      {
        rule: 'no-license',
        message: 'No license is recorded for this image. Choose its license, or a grant, before publishing it.',
      },
    ]
  }

  const name = licenseShortName(license)
  const violations: LicenseViolation[] = []

  if (isAllRightsReserved(license)) {
    if (!cleanText(subject.permissionNote)) {
      violations.push({
        rule: 'all-rights-reserved-without-permission',
        message: `The image is not under a public license (${name}), and no permission from the rights holder is recorded. Record the grant in the permission note, or choose another image.`,
      })
    }
  } else {
    if (use.commercial && !license.allowsCommercialUse) {
      violations.push({
        rule: 'non-commercial',
        message: `The image's license (${name}) forbids commercial use, and this publication is commercial.`,
      })
    }
    if (use.modified && !license.allowsModification) {
      violations.push({
        rule: 'no-derivatives',
        message: `The image's license (${name}) forbids modified versions, and this image is marked as modified (for example cropped). Use the uncropped original; resizing is allowed.`,
      })
    }
  }

  if (license.requiresAttribution && !cleanText(subject.creator)) {
    violations.push({
      rule: 'missing-creator',
      message: `The image's license (${name}) requires crediting the creator, and no creator is recorded.`,
    })
  }
  return violations
}

export type PermissionSummary = {
  commercialUse: boolean
  modification: boolean
  attributionRequired: boolean
  shareAlike: boolean
  summary: string
}

/** What a license allows, for API consumers. All rights reserved allows nothing without a grant. */
export function describePermissions(license: LicenseFacts | null | undefined): PermissionSummary {
  if (!license) {
    return {
      commercialUse: false,
      modification: false,
      attributionRequired: false,
      shareAlike: false,
      summary: 'No license recorded: do not use without finding out the terms.',
    }
  }
  const name = licenseShortName(license)
  if (isAllRightsReserved(license)) {
    return {
      commercialUse: false,
      modification: false,
      attributionRequired: license.requiresAttribution,
      shareAlike: false,
      summary: `${name}: use only under a separate grant from the rights holder, on the terms agreed.`,
    }
  }
  const clauses = [
    license.allowsCommercialUse ? 'commercial use allowed' : 'no commercial use',
    license.allowsModification
      ? license.requiresShareAlike
        ? 'changes allowed; adapted versions must use the same license'
        : 'changes allowed (mark them)'
      : 'no changes beyond resizing or format conversion',
    license.requiresAttribution ? 'credit the creator' : 'credit not required (good practice)',
  ]
  return {
    commercialUse: license.allowsCommercialUse,
    modification: license.allowsModification,
    attributionRequired: license.requiresAttribution,
    shareAlike: license.requiresShareAlike,
    summary: `${name}: ${clauses.join('; ')}.`,
  }
}
