import fs from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

import { writeAtomically } from '@/lib/files/atomicWrite'
import { toImageFormat } from '@/lib/images/encoding'
import { stripJpegMetadata, stripWebpMetadata } from '@/lib/images/stripMetadata'

/**
 * Where the untouched upload is kept. Writing metadata re-encodes an image, so every rewrite
 * starts from this copy and a credit changed ten times costs one generation, not ten. It sits
 * outside the upload folder so it is never served.
 */
export function originalsDir(staticDir: string): string {
  return `${staticDir.replace(/\/$/, '')}-originals`
}

export function keptOriginalPath(staticDir: string, filename: string): string {
  return path.join(originalsDir(staticDir), filename)
}

/**
 * The upload without its location: JPEG and WebP lose their metadata blocks without being
 * re-encoded; PNG and AVIF (whose metadata sits inside the image container) are re-encoded
 * losslessly, and only when they carry metadata at all.
 */
async function withoutLocation(upload: Buffer): Promise<Buffer> {
  const metadata = await sharp(upload).metadata()
  if (!metadata.exif && !metadata.xmp && !metadata.iptc) return upload
  const format = toImageFormat(metadata.format)
  if (format === 'jpeg') return stripJpegMetadata(upload, metadata.orientation)
  if (format === 'webp') return stripWebpMetadata(upload)
  const image = sharp(upload).rotate().keepIccProfile()
  if (format !== 'png') return image.avif({ lossless: true }).toBuffer()
  // A 16-bit PNG stays 16-bit (sharp writes 8 bits otherwise).
  if (metadata.space === 'rgb16' || metadata.space === 'grey16') image.toColourspace(metadata.space)
  return image.png({ compressionLevel: 9, palette: false }).toBuffer()
}

/** Keeps a new upload (without its location) as the source of every rewrite of its files; returns what it kept. */
export async function keepUpload(staticDir: string, filename: string, upload: Buffer): Promise<Buffer> {
  const kept = keptOriginalPath(staticDir, filename)
  await fs.mkdir(path.dirname(kept), { recursive: true })
  const bytes = await withoutLocation(upload)
  await writeAtomically(kept, bytes)
  return bytes
}

/**
 * The kept upload of a file. A file with none (a duplicated document, or one stored before
 * originals were kept) gets its served copy kept instead, once, so rewrites still start from one
 * fixed source; `isServedCopy` says so, since any crop is then already applied.
 */
export async function readKeptOriginal(staticDir: string, filename: string): Promise<{ bytes: Buffer; isServedCopy: boolean }> {
  try {
    return { bytes: await fs.readFile(keptOriginalPath(staticDir, filename)), isServedCopy: false }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    await keepUpload(staticDir, filename, await fs.readFile(path.join(staticDir, filename)))
    return { bytes: await fs.readFile(keptOriginalPath(staticDir, filename)), isServedCopy: true }
  }
}

/** Removes the kept original when its media document (or its file) goes. */
export async function removeKeptOriginal(staticDir: string, filename: string | null | undefined): Promise<void> {
  if (filename) await fs.rm(keptOriginalPath(staticDir, filename), { force: true })
}

/**
 * Removes served files: Payload deletes an image's stored upload itself, but not the sizes,
 * which it does not know of (files/embedCredit.ts writes them).
 */
export async function removeServedFiles(staticDir: string, filenames: Iterable<string | null | undefined>): Promise<void> {
  for (const filename of filenames) if (filename) await fs.rm(path.join(staticDir, path.basename(filename)), { force: true })
}
