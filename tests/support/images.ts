import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp, { type Sharp } from 'sharp'

import { writePendingImageFiles } from '../../src/jobs/runDueJobs'
import type { License, Media } from '../../src/payload-types'

export const mediaDir = (): string => process.env.MEDIA_DIR!
export const mediaFile = (name: string): string => path.join(mediaDir(), name)
export const keptOriginalFile = (name: string): string => path.join(`${mediaDir()}-originals`, name)

/** Every file of a media document: the original and each size (a WebP upload shares some). */
export function filesOf(doc: Media): string[] {
  return [...new Set([doc.filename!, ...Object.values(doc.sizes ?? {}).flatMap((size) => (size?.filename ? [size.filename] : []))])]
}

/** A picture with tens of thousands of colours: palette mode (256) cannot hold it losslessly. */
export function gradient(width: number, height: number): Sharp {
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 3
      pixels[offset] = Math.floor((x / width) * 256)
      pixels[offset + 1] = Math.floor((y / height) * 256)
      pixels[offset + 2] = Math.floor(((x + y) / (width + height)) * 256)
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
}

/**
 * A red-to-blue gradient a little richer than a palette: 300 steps across, and a green step
 * halfway down, so it has more than 256 colours (but few enough that a quantiser gets close).
 */
export function redToBlue(width: number, height: number): Sharp {
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const step = Math.floor((x / width) * 300)
      const offset = (y * width + x) * 3
      pixels[offset] = 255 - Math.round((step / 299) * 255)
      pixels[offset + 1] = y < height / 2 ? 0 : 8
      pixels[offset + 2] = Math.round((step / 299) * 255)
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
}

/** Decoded pixels as RGB bytes (upright), for comparing images pixel by pixel. */
export async function rgbPixels(input: Buffer | string): Promise<Buffer> {
  return rawPixels(input)
}

/** How many pixels of two equally sized RGB buffers differ. */
export function differingPixels(a: Buffer, b: Buffer): number {
  if (a.length !== b.length) throw new Error(`different sizes: ${a.length} and ${b.length} bytes`)
  let count = 0
  for (let offset = 0; offset < a.length; offset += 3) {
    if (a[offset] !== b[offset] || a[offset + 1] !== b[offset + 1] || a[offset + 2] !== b[offset + 2]) count += 1
  }
  return count
}

async function rawPixels(input: Buffer | string): Promise<Buffer> {
  return sharp(input).rotate().removeAlpha().raw().toBuffer()
}

/** A short fingerprint of bytes: comparing these keeps a failing test's diff readable (and fast). */
export function digest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The decoded, upright pixels of an image as `<width>x<height>:<sha256>`. */
export async function pixelDigest(input: Buffer | string): Promise<string> {
  const { data, info } = await sharp(input).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return `${info.width}x${info.height}:${digest(data)}`
}

export async function distinctColours(input: Buffer | string): Promise<number> {
  const pixels = await rawPixels(input)
  const colours = new Set<number>()
  for (let offset = 0; offset < pixels.length; offset += 3) colours.add((pixels[offset]! << 16) | (pixels[offset + 1]! << 8) | pixels[offset + 2]!)
  return colours.size
}

/** Tags exiftool reads from a file (Debian: libimage-exiftool-perl; .ci/run installs it). */
export function exiftool(file: string, tags: string[]): Record<string, unknown> {
  let out: Buffer
  try {
    out = execFileSync('exiftool', ['-json', '-charset', 'utf8', ...tags, file])
  } catch (error) {
    throw new Error('exiftool is needed for this test: apt-get install -y libimage-exiftool-perl', { cause: error })
  }
  return (JSON.parse(out.toString('utf8')) as Array<Record<string, unknown>>)[0]!
}

export async function createLicense(payload: Payload): Promise<License> {
  return payload.create({
    collection: 'licenses',
    data: { name: 'Creative Commons Attribution 4.0 International', shortName: 'CC BY 4.0', spdxId: 'CC-BY-4.0', deedUrl: 'https://creativecommons.org/licenses/by/4.0/', allowsCommercialUse: true, allowsModification: true },
  })
}

const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' }

/** Runs the queued jobs that write images' files (the server's job runner does it a moment after an upload). */
export const writeQueuedImageFiles = (payload: Payload): Promise<void> => writePendingImageFiles(payload)

/** Uploads the image as returned by the request (its thumbnail only); `upload` waits for all its files. */
export async function uploadOnly(payload: Payload, license: License, name: string, data: Buffer, extra: Partial<Media> = {}): Promise<Media> {
  return payload.create({
    collection: 'media',
    data: { alt: 'Test image', creator: 'Jane Doe', license: license.id, ...extra },
    file: { data, mimetype: MIME[name.split('.').pop()!]!, name, size: data.length },
  })
}

/** Uploads an image and lets its job write every file, as the server does a moment later. */
export async function upload(payload: Payload, license: License, name: string, data: Buffer, extra: Partial<Media> = {}): Promise<Media> {
  const created = await uploadOnly(payload, license, name, data, extra)
  await writeQueuedImageFiles(payload)
  return payload.findByID({ collection: 'media', id: created.id })
}

export function fileSize(name: string): number {
  return fs.statSync(mediaFile(name)).size
}
