import fs from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

import { buildXmpPacket, toExifCredit } from '@/licensing'
import type { CreditSubject } from '@/licensing/types'
import type { Media } from '@/payload-types'

type FileSet = Pick<Media, 'filename' | 'sizes'>

/**
 * Where the untouched upload is kept. Writing metadata re-encodes an image, so every rewrite
 * starts from this copy and a credit changed ten times costs one generation, not ten. It sits
 * outside the upload folder so it is never served.
 */
export function originalsDir(staticDir: string): string {
  return `${staticDir.replace(/\/$/, '')}-originals`
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  )
}

/** Keeps the first version of an upload (or of a replaced file) as the source for rewrites. */
async function pristineCopy(staticDir: string, filename: string, isNewUpload: boolean): Promise<string> {
  const pristine = path.join(originalsDir(staticDir), filename)
  if (isNewUpload || !(await exists(pristine))) {
    await fs.mkdir(path.dirname(pristine), { recursive: true })
    await fs.copyFile(path.join(staticDir, filename), pristine)
  }
  return pristine
}

async function writeVariant(source: string, target: string, width: number | null, subject: CreditSubject): Promise<void> {
  const { format } = await sharp(source).metadata()
  let image = sharp(source).rotate()
  if (width) image = image.resize({ width })
  const buffer = await image
    .keepIccProfile()
    .withXmp(buildXmpPacket(subject))
    .withExif({ IFD0: toExifCredit(subject) })
    .toFormat(format ?? 'jpeg', { quality: 88 })
    .toBuffer()
  // Written beside the target and renamed, so a reader never gets half a file.
  const temporary = `${target}.${process.pid}.tmp`
  await fs.writeFile(temporary, buffer)
  await fs.rename(temporary, target)
}

/**
 * Writes the credit into every file of a media document (original and each size) as XMP
 * (IPTC rights fields) and EXIF Artist/Copyright, so the image carries its license wherever it goes.
 */
export async function embedCreditInFiles({ media, subject, staticDir, isNewUpload }: { media: FileSet; subject: CreditSubject; staticDir: string; isNewUpload: boolean }): Promise<number> {
  if (!media.filename) return 0
  const pristine = await pristineCopy(staticDir, media.filename, isNewUpload)
  const targets: Array<{ file: string; width: number | null }> = [{ file: media.filename, width: null }]
  for (const size of Object.values(media.sizes ?? {})) {
    if (size?.filename && size.width) targets.push({ file: size.filename, width: size.width })
  }
  for (const target of targets) {
    await writeVariant(pristine, path.join(staticDir, target.file), target.width, subject)
  }
  return targets.length
}

/** Removes the kept original when its media document is deleted. */
export async function removePristineCopy(staticDir: string, filename: string | null | undefined): Promise<void> {
  if (filename) await fs.rm(path.join(originalsDir(staticDir), filename), { force: true })
}
