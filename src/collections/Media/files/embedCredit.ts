import path from 'node:path'

import sharp, { type OutputInfo } from 'sharp'

import { buildXmpPacket, toExifCredit } from '@/licensing'
import type { CreditSubject } from '@/licensing/types'
import { type Region, toRegion } from '@/lib/images/cropRegion'
import { decideEncodeOptions, readSourceFidelity, type SourceFidelity } from '@/lib/images/encoding'
import { mediaFileVersion } from '@/lib/images/fileUrls'
import { MIME_TYPES } from '@/lib/images/uploadContent'
import { type FileTarget, fileTargets } from '@/lib/images/variants'
import type { Media } from '@/payload-types'
import { readKeptOriginal, writeAtomically } from './keptOriginal'

export type FileSet = Pick<Media, 'filename' | 'sourceCrop'>

/** What `sizes` records of one size's file. */
export type SizeRecord = { filename: string; width: number; height: number; mimeType: string; filesize: number }

/** What a rewrite changed in the document: byte sizes, the upright original's size, the sizes and the files' version. */
export type RewriteResult = { filesize: number; width: number; height: number; sizes: Record<string, SizeRecord>; fileVersion: string; sourceCrop: Region | null }

/** Where the credited files are made from: the kept upload, how faithfully to encode it, and the crop. */
type Source = { bytes: Buffer; fidelity: SourceFidelity; region: Region | null }

/**
 * Image work takes at most one libvips thread and keeps no cache of decoded images, so a burst
 * of camera uploads neither holds both cores from readers nor piles up memory.
 */
sharp.concurrency(1)
sharp.cache(false)

async function readSource(media: FileSet, staticDir: string, maxPixels: number): Promise<Source> {
  const { bytes, isServedCopy } = await readKeptOriginal(staticDir, media.filename!)
  const fidelity = readSourceFidelity(bytes, await sharp(bytes, { limitInputPixels: maxPixels }).metadata())
  return { bytes, fidelity, region: isServedCopy ? null : toRegion(media.sourceCrop) }
}

/**
 * Writes one served file: the kept upload, upright, cut to the recorded crop, resized, with the
 * credit as XMP (IPTC rights fields) and EXIF Artist/Copyright and nothing else of the upload's
 * metadata (GPS, camera serials), at the upload's own fidelity. Every file readers get is made
 * here and nowhere else.
 */
export async function writeCreditedFile({ source, target, subject, staticDir, maxPixels }: { source: Source; target: FileTarget; subject: CreditSubject; staticDir: string; maxPixels: number }): Promise<{ data: Buffer; info: OutputInfo }> {
  // rotate() first: the region and the widths are in the upright image's pixels.
  let image = sharp(source.bytes, { limitInputPixels: maxPixels }).rotate()
  if (source.region) image = image.extract(source.region)
  if (target.width) image = image.resize({ width: target.width })
  const { format, options } = decideEncodeOptions(target.format, source.fidelity)
  const written = await image
    .keepIccProfile()
    .withXmp(buildXmpPacket(subject))
    .withExif({ IFD0: toExifCredit(subject) })
    .toFormat(format, options)
    .toBuffer({ resolveWithObject: true })
  await writeAtomically(path.join(staticDir, target.file), written.data)
  return written
}

const sizeRecord = (target: FileTarget, { data, info }: { data: Buffer; info: OutputInfo }): SizeRecord => ({
  filename: target.file,
  width: info.width,
  height: info.height,
  mimeType: MIME_TYPES[target.format],
  filesize: data.length,
})

/**
 * Writes every file of a media document (the original and each size, in every format) from its
 * kept upload with the credit, one after the other.
 */
export async function embedCreditInFiles({ media, subject, staticDir, maxPixels }: { media: FileSet; subject: CreditSubject; staticDir: string; maxPixels: number }): Promise<RewriteResult | null> {
  if (!media.filename) return null
  const source = await readSource(media, staticDir, maxPixels)
  const written: Buffer[] = []
  const result: RewriteResult = { filesize: 0, width: 0, height: 0, sizes: {}, fileVersion: '', sourceCrop: source.region }
  for (const target of fileTargets(media.filename, source.fidelity.format)) {
    const file = await writeCreditedFile({ source, target, subject, staticDir, maxPixels })
    written.push(file.data)
    // Payload records an EXIF-rotated upload's stored size; the written file stands upright.
    if (target.width === null) Object.assign(result, { filesize: file.data.length, width: file.info.width, height: file.info.height })
    for (const name of target.sizeNames) result.sizes[name] = sizeRecord(target, file)
  }
  result.fileVersion = mediaFileVersion(written)
  return result
}

/**
 * Writes only the named sizes (the admin's thumbnail right after an upload), with the credit
 * like every other file; the rest follow in a job.
 */
export async function embedCreditInSizes({ media, subject, staticDir, maxPixels, names }: { media: FileSet; subject: CreditSubject; staticDir: string; maxPixels: number; names: readonly string[] }): Promise<Record<string, SizeRecord>> {
  if (!media.filename) return {}
  const source = await readSource(media, staticDir, maxPixels)
  const sizes: Record<string, SizeRecord> = {}
  for (const target of fileTargets(media.filename, source.fidelity.format).filter((candidate) => candidate.sizeNames.some((name) => names.includes(name)))) {
    const file = await writeCreditedFile({ source, target, subject, staticDir, maxPixels })
    for (const name of target.sizeNames) sizes[name] = sizeRecord(target, file)
  }
  return sizes
}
