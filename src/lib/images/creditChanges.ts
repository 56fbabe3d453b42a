import { buildXmpPacket, toCreditSubject, toExifCredit } from '@/licensing'
import type { License, Media } from '@/payload-types'

/** The media fields written into the files (XMP and EXIF); an alt-text or caption edit re-encodes nothing. */
const FILE_CREDIT_FIELDS = ['title', 'creator', 'creatorUrl', 'sourceUrl', 'changes'] as const

const licenseIdOf = (license: Media['license'] | undefined) => (typeof license === 'object' && license !== null ? license.id : license)

export function mediaCreditChanged(doc: Media, previous: Media | undefined): boolean {
  if (!previous) return true
  return licenseIdOf(doc.license) !== licenseIdOf(previous.license) || FILE_CREDIT_FIELDS.some((field) => (doc[field] ?? null) !== (previous[field] ?? null))
}

/** Exactly what a rewrite writes into an image's files besides the pixels. */
function fileMetadataOf(media: Media, license: License | undefined): string {
  const subject = toCreditSubject(media, license)
  return `${buildXmpPacket(subject)}\n${JSON.stringify(toExifCredit(subject))}`
}

/** Whether a license edit changes what this image's files say (a permission flag alone may not). */
export function licenseChangeRewritesFiles(media: Media, license: License, previous: License | undefined): boolean {
  return fileMetadataOf(media, license) !== fileMetadataOf(media, previous)
}
