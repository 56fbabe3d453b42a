import path from 'node:path'

import sharp, { type OutputInfo } from 'sharp'

import { buildXmpPacket, toExifCredit } from '@/licensing'
import type { CreditSubject } from '@/licensing/types'
import { writeAtomically } from '@/lib/files/atomicWrite'
import { type Region, toRegion } from '@/lib/images/cropRegion'
import { decideEncodeOptions, hasAtMostColours, PALETTE_COLOURS, readSourceFidelity, type SourceFidelity } from '@/lib/images/encoding'
import { createFileVersion } from '@/lib/images/fileUrls'
import { releaseBuffer } from '@/lib/images/releaseBuffer'
import { MIME_TYPES } from '@/lib/images/uploadContent'
import { type FileTarget, fileTargets, originalLast } from '@/lib/images/variants'
import type { Media } from '@/payload-types'
import type { SignServedFile } from './contentCredentials'
import { readKeptOriginal } from './keptOriginal'

export type FileSet = Pick<Media, 'filename' | 'sourceCrop'>

/** What `sizes` records of one size's file. */
export type SizeRecord = { filename: string; width: number; height: number; mimeType: string; filesize: number }

/** What a rewrite changed in the document: byte sizes, the upright original's size, the sizes and the files' version. */
export type RewriteResult = { filesize: number; width: number; height: number; sizes: Record<string, SizeRecord>; fileVersion: string; sourceCrop: Region | null }

/** Where the credited files are made from: the kept upload, how faithfully to encode it, and the crop. */
type Source = { bytes: Buffer; fidelity: SourceFidelity; region: Region | null }

/** How every file is made: the credit written into it, and the signer of its Content Credentials. */
type Credit = { subject: CreditSubject; sign: SignServedFile; staticDir: string; maxPixels: number }

/**
 * Image work takes at most one libvips thread and keeps no cache of decoded images, so a burst
 * of camera uploads neither holds both cores from readers nor piles up memory.
 */
sharp.concurrency(1)
sharp.cache(false)

/** The upload's fidelity; a true-colour PNG's colours are counted, to know whether a palette keeps them all. */
async function readFidelity(bytes: Buffer, maxPixels: number): Promise<SourceFidelity> {
  const metadata = await sharp(bytes, { limitInputPixels: maxPixels }).metadata()
  if (metadata.format !== 'png' || metadata.isPalette || metadata.space === 'rgb16' || metadata.space === 'grey16') return readSourceFidelity(bytes, metadata)
  const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels }).raw().toBuffer({ resolveWithObject: true })
  return readSourceFidelity(bytes, metadata, hasAtMostColours(data, info.channels, PALETTE_COLOURS))
}

/** The kept upload as the source; `kept`: its bytes, when the caller has just kept them (no second read of a camera photo). */
async function readSource(media: FileSet, staticDir: string, maxPixels: number, kept?: Buffer): Promise<Source> {
  const { bytes, isServedCopy } = kept ? { bytes: kept, isServedCopy: false } : await readKeptOriginal(staticDir, media.filename!)
  return { bytes, fidelity: await readFidelity(bytes, maxPixels), region: isServedCopy ? null : toRegion(media.sourceCrop) }
}

async function encode(source: Source, target: FileTarget, subject: CreditSubject, maxPixels: number): Promise<{ data: Buffer; info: OutputInfo }> {
  // rotate() first: the region and the widths are in the upright image's pixels.
  let image = sharp(source.bytes, { limitInputPixels: maxPixels }).rotate()
  if (source.region) image = image.extract(source.region)
  if (target.width) image = image.resize({ width: target.width })
  const { format, options } = decideEncodeOptions(target.format, source.fidelity, target.width !== null)
  // sharp writes 8 bits unless the pipeline stays in a 16-bit space.
  if (format === 'png' && source.fidelity.sixteenBitSpace) image = image.toColourspace(source.fidelity.sixteenBitSpace)
  return image
    .keepIccProfile()
    .withXmp(buildXmpPacket(subject))
    .withExif({ IFD0: toExifCredit(subject) })
    .toFormat(format, options)
    .toBuffer({ resolveWithObject: true })
}

/**
 * Writes one served file: the kept upload, upright, cut to the recorded crop, resized, with the
 * credit as XMP (IPTC rights fields) and EXIF Artist/Copyright and nothing else of the upload's
 * metadata (GPS, camera serials), at the upload's own fidelity, signed with Content Credentials.
 * Every file readers get is made here and nowhere else.
 */
export async function writeCreditedFile({ source, target, credit }: { source: Source; target: FileTarget; credit: Credit }): Promise<{ data: Buffer; info: OutputInfo }> {
  const encoded = await encode(source, target, credit.subject, credit.maxPixels)
  const data = await credit.sign(encoded.data, { file: target.file, format: target.format, width: target.width, cropped: source.region !== null, uploadFormat: source.fidelity.format })
  // The file as encoded, before signing: nothing reads it again (see releaseBuffer.ts).
  if (data.buffer !== encoded.data.buffer) releaseBuffer(encoded.data)
  await writeAtomically(path.join(credit.staticDir, target.file), data)
  return { data, info: encoded.info }
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
export async function embedCreditInFiles({ media, ...credit }: { media: FileSet } & Credit): Promise<RewriteResult | null> {
  if (!media.filename) return null
  const source = await readSource(media, credit.staticDir, credit.maxPixels)
  // Each file counts towards the version as it is written, and is then let go: a camera photo's
  // files are 20 MB and more together.
  const version = createFileVersion()
  const result: RewriteResult = { filesize: 0, width: 0, height: 0, sizes: {}, fileVersion: '', sourceCrop: source.region }
  for (const target of originalLast(fileTargets(media.filename, source.fidelity.format))) {
    const file = await writeCreditedFile({ source, target, credit })
    version.add(file.data)
    // Payload records an EXIF-rotated upload's stored size; the written file stands upright.
    if (target.width === null) Object.assign(result, { filesize: file.data.length, width: file.info.width, height: file.info.height })
    for (const name of target.sizeNames) result.sizes[name] = sizeRecord(target, file)
    releaseBuffer(file.data)
  }
  releaseBuffer(source.bytes)
  result.fileVersion = version.digest()
  return result
}

/**
 * Writes only the named sizes (the admin's thumbnail right after an upload), with the credit
 * like every other file; the rest follow in a job.
 */
export async function embedCreditInSizes({ media, names, kept, ...credit }: { media: FileSet; names: readonly string[]; kept?: Buffer } & Credit): Promise<Record<string, SizeRecord>> {
  if (!media.filename) return {}
  const source = await readSource(media, credit.staticDir, credit.maxPixels, kept)
  const sizes: Record<string, SizeRecord> = {}
  for (const target of fileTargets(media.filename, source.fidelity.format).filter((candidate) => candidate.sizeNames.some((name) => names.includes(name)))) {
    const file = await writeCreditedFile({ source, target, credit })
    for (const name of target.sizeNames) sizes[name] = sizeRecord(target, file)
  }
  return sizes
}
