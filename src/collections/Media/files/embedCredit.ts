import path from 'node:path'

import sharp, { type OutputInfo } from 'sharp'

import { buildXmpPacket, toExifCredit } from '@/licensing'
import type { CreditSubject } from '@/licensing/types'
import { type Region, toRegion } from '@/lib/images/cropRegion'
import { decideEncodeOptions, hasAtMostColours, type ImageFormat, PALETTE_COLOURS, readSourceFidelity, type SourceFidelity, toImageFormat } from '@/lib/images/encoding'
import { mediaFileVersion } from '@/lib/images/fileUrls'
import type { Media } from '@/payload-types'
import type { SignServedFile } from './contentCredentials'
import { readKeptOriginal, writeAtomically } from './keptOriginal'

export type FileSet = Pick<Media, 'filename' | 'sizes' | 'sourceCrop'>

/** What a rewrite changed in the document: byte sizes, the upright original's size, and the files' version. */
export type RewriteResult = { filesize: number; width: number; height: number; sizeFilesizes: Record<string, number>; fileVersion: string; sourceCrop: Region | null }

type Target = { file: string; width: number | null; format: ImageFormat; sizeNames: string[] }

function targetsOf(media: FileSet, ownFormat: ImageFormat): Target[] {
  const byFile = new Map<string, Target>([[media.filename!, { file: media.filename!, width: null, format: ownFormat, sizeNames: [] }]])
  for (const [name, size] of Object.entries(media.sizes ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (!size?.filename || !size.width) continue
    const format = toImageFormat(size.mimeType?.replace('image/', '')) ?? ownFormat
    // A WebP upload's own-format size and its WebP size are one file.
    const target = byFile.get(size.filename) ?? { file: size.filename, width: size.width, format, sizeNames: [] }
    target.sizeNames.push(name)
    byFile.set(size.filename, target)
  }
  return [...byFile.values()]
}

async function encodeVariant(source: Buffer, target: Target, fidelity: SourceFidelity, region: Region | null, subject: CreditSubject, maxPixels: number): Promise<{ data: Buffer; info: OutputInfo }> {
  // rotate() first: the region and the widths are in the upright image's pixels.
  let image = sharp(source, { limitInputPixels: maxPixels }).rotate()
  if (region) image = image.extract(region)
  if (target.width) image = image.resize({ width: target.width })
  const { format, options } = decideEncodeOptions(target.format, fidelity, target.width !== null)
  // sharp writes 8 bits unless the pipeline stays in a 16-bit space.
  if (format === 'png' && fidelity.sixteenBitSpace) image = image.toColourspace(fidelity.sixteenBitSpace)
  return image
    .keepIccProfile()
    .withXmp(buildXmpPacket(subject))
    .withExif({ IFD0: toExifCredit(subject) })
    .toFormat(format, options)
    .toBuffer({ resolveWithObject: true })
}

/** The upload's fidelity; a true-colour PNG's colours are counted, to know whether a palette keeps them all. */
async function readFidelity(source: Buffer, maxPixels: number): Promise<SourceFidelity> {
  const metadata = await sharp(source, { limitInputPixels: maxPixels }).metadata()
  if (metadata.format !== 'png' || metadata.isPalette || metadata.space === 'rgb16' || metadata.space === 'grey16') return readSourceFidelity(source, metadata)
  const { data, info } = await sharp(source, { limitInputPixels: maxPixels }).raw().toBuffer({ resolveWithObject: true })
  return readSourceFidelity(source, metadata, hasAtMostColours(data, info.channels, PALETTE_COLOURS))
}

/**
 * Writes the credit into every file of a media document (original and each size, in every
 * format) as XMP (IPTC rights fields) and EXIF Artist/Copyright, re-encoding each from the kept
 * upload at that upload's own fidelity, and signs each with Content Credentials (`sign`).
 * Nothing else of the upload's metadata (GPS, camera serials) reaches a served file.
 */
export async function embedCreditInFiles({ media, subject, staticDir, maxPixels, sign }: { media: FileSet; subject: CreditSubject; staticDir: string; maxPixels: number; sign: SignServedFile }): Promise<RewriteResult | null> {
  if (!media.filename) return null
  const { bytes: source, isServedCopy } = await readKeptOriginal(staticDir, media.filename)
  const fidelity = await readFidelity(source, maxPixels)
  const region = isServedCopy ? null : toRegion(media.sourceCrop)
  const written: Buffer[] = []
  const result: RewriteResult = { filesize: 0, width: 0, height: 0, sizeFilesizes: {}, fileVersion: '', sourceCrop: region }
  for (const target of targetsOf(media, fidelity.format)) {
    const encoded = await encodeVariant(source, target, fidelity, region, subject, maxPixels)
    const { info } = encoded
    const data = await sign(encoded.data, { file: target.file, format: target.format, width: target.width, cropped: region !== null, uploadFormat: fidelity.format })
    await writeAtomically(path.join(staticDir, target.file), data)
    written.push(data)
    // Payload records an EXIF-rotated upload's stored size; the written file stands upright.
    if (target.width === null) Object.assign(result, { filesize: data.length, width: info.width, height: info.height })
    for (const name of target.sizeNames) result.sizeFilesizes[name] = data.length
  }
  result.fileVersion = mediaFileVersion(written)
  return result
}
