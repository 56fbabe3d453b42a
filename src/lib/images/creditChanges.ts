import { toLicenseFacts } from '@/lib/data/views'
import type { License, Media } from '@/payload-types'

/** The media fields written into the files (XMP and EXIF); an alt-text or caption edit re-encodes nothing. */
const FILE_CREDIT_FIELDS = ['title', 'creator', 'creatorUrl', 'sourceUrl', 'changes'] as const

const licenseIdOf = (license: Media['license'] | undefined) => (typeof license === 'object' && license !== null ? license.id : license)

export function mediaCreditChanged(doc: Media, previous: Media | undefined): boolean {
  if (!previous) return true
  return licenseIdOf(doc.license) !== licenseIdOf(previous.license) || FILE_CREDIT_FIELDS.some((field) => (doc[field] ?? null) !== (previous[field] ?? null))
}

/** Whether a license edit changes what the credit (and so every file under it) says. */
export function licenseCreditChanged(doc: License, previous: License | undefined): boolean {
  if (!previous) return false
  return JSON.stringify(toLicenseFacts(doc)) !== JSON.stringify(toLicenseFacts(previous))
}
