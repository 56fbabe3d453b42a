import { isAllRightsReserved, isPublicDomain } from './classify'
import { cleanText } from './text'
import type { CreditSubject } from './types'

/**
 * Copyright notice for schema.org `copyrightNotice`, XMP `dc:rights` and EXIF `Copyright`:
 * "© Creator" (plus "All rights reserved." without a public license). None for a
 * public-domain dedication (nothing is claimed) or when no creator is known (no year or
 * holder is recorded, and inventing one would be wrong).
 */
export function formatCopyrightNotice(subject: CreditSubject): string | null {
  const creator = cleanText(subject.creator)
  if (!creator || isPublicDomain(subject.license)) return null
  return isAllRightsReserved(subject.license) ? `© ${creator}. All rights reserved.` : `© ${creator}`
}
