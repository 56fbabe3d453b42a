import { isAllRightsReserved, licenseShortName, licenseSuffix } from './classify'
import { formatCopyrightNotice } from './copyrightNotice'
import { cleanText } from './text'
import type { CreditSubject } from './types'

/** EXIF IFD0 tags for sharp's `withExif({ IFD0: toExifCredit(subject) })`. */
export type ExifCredit = { Artist?: string; Copyright?: string; XPAuthor?: string }

const isPrintableAscii = (text: string): boolean => /^[\x20-\x7E]+$/.test(text)

/**
 * EXIF copies of the credit. Artist and Copyright are EXIF ASCII fields, and libvips (sharp)
 * transliterates them on write: "Официальный…" becomes "???????????" (verified in the tests).
 * A corrupted name is worse than none, so:
 * - Artist only when the creator is plain ASCII;
 * - XPAuthor (Windows "Authors", UTF-16) always carries the creator in its own script;
 * - Copyright is ASCII: "(C) Creator" when the name is ASCII, then the license name,
 *   e.g. "(C) Jane Doe, CC BY 4.0"; for a non-Latin creator just "CC BY 4.0".
 * The XMP packet stays the authoritative, full-Unicode copy.
 */
export function toExifCredit(subject: CreditSubject): ExifCredit {
  const result: ExifCredit = {}
  const creator = cleanText(subject.creator)
  if (creator) {
    result.XPAuthor = creator
    if (isPrintableAscii(creator)) result.Artist = creator
  }

  const license = subject.license ?? null
  const notice = formatCopyrightNotice(subject)?.replace(/©/g, '(C)') ?? null
  const asciiNotice = notice && isPrintableAscii(notice) ? notice : null
  let copyright: string | null
  if (isAllRightsReserved(license)) {
    // The notice already ends "All rights reserved."; without an ASCII name keep just that.
    copyright = asciiNotice ?? 'All rights reserved.'
  } else {
    const licenseLabel = license ? `${licenseShortName(license)}${licenseSuffix(license)}` : null
    copyright = [asciiNotice, licenseLabel].filter((part): part is string => !!part).join(', ') || null
  }
  if (copyright && isPrintableAscii(copyright)) result.Copyright = copyright
  return result
}
