import { type ImageFormat, toImageFormat } from './encoding'

/**
 * Checks that an upload is the image it claims to be and nothing else. Three readings must agree:
 * the declared MIME type, the magic bytes, and what sharp's decoder finds. Markup anywhere in the
 * bytes (HTML, SVG, XML, script, PHP) makes a polyglot that a browser or another tool may run, so
 * it is refused too, as is data after a PNG's end.
 */

export const MIME_TYPES: Record<ImageFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' }

/**
 * Long enough that compressed image data does not contain them by chance. One expression, so a
 * camera photo is read once (about 40 ms for 8 MB, not 150: the server's thread waits meanwhile).
 */
const MARKUP = /<(?:script[\s>/]|html[\s>]|!doctype\s+html|svg[\s>]|\?xml\s|\?php|body[\s>]|iframe[\s>])|javascript:/i

export type UploadFacts = {
  declaredMimeType: string
  /** From the magic bytes (file-type), or undefined when they match no known type. */
  detectedMimeType: string | undefined
  /** sharp's `metadata().format`, or undefined when sharp cannot read it. */
  decodedFormat: string | undefined
  /** sharp's `metadata().compression` for HEIF containers ('av1' for AVIF). */
  compression: string | undefined
  width: number | undefined
  height: number | undefined
}

export class UploadRefused extends Error {}

export function findMarkup(bytes: Buffer): string | null {
  return MARKUP.exec(bytes.toString('latin1'))?.[0].trim() ?? null
}

const PNG_END = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])

/** Bytes after the IEND chunk of a PNG: a classic way to glue a second file onto an image. */
export function hasDataAfterPngEnd(png: Buffer): boolean {
  const end = png.lastIndexOf(PNG_END)
  return end !== -1 && end + PNG_END.length < png.length
}

/** The format of a genuine image upload; throws UploadRefused with a message for the uploader. */
export function checkUploadContent(bytes: Buffer, facts: UploadFacts, maxPixels: number): ImageFormat {
  const declared = facts.declaredMimeType.split(';')[0]!.trim().toLowerCase()
  const format = toImageFormat(facts.decodedFormat)
  if (!format || (facts.decodedFormat === 'heif' && facts.compression !== 'av1')) {
    throw new UploadRefused(`This file is not allowed: it is not a JPEG, PNG, WebP or AVIF image (declared as ${declared || 'nothing'}). SVG, HTML and other files are not accepted.`)
  }
  if (MIME_TYPES[format] !== declared || facts.detectedMimeType !== MIME_TYPES[format]) {
    throw new UploadRefused(`The file's content (${MIME_TYPES[format]}) does not match its declared type (${declared || 'none'}). Upload the image as exported, without renaming it.`)
  }
  const markup = findMarkup(bytes)
  if (markup) throw new UploadRefused(`The image contains web page or script content ("${markup}"), so it is refused. Export it again from an image editor.`)
  if (format === 'png' && hasDataAfterPngEnd(bytes)) throw new UploadRefused('The PNG has other data appended after the image, so it is refused. Export it again from an image editor.')
  const pixels = (facts.width ?? 0) * (facts.height ?? 0)
  if (!pixels) throw new UploadRefused('The image has no readable dimensions.')
  if (pixels > maxPixels) {
    throw new UploadRefused(`The image is ${facts.width} × ${facts.height} pixels (${(pixels / 1e6).toFixed(1)} megapixels); the most accepted is ${(maxPixels / 1e6).toFixed(0)} megapixels. Resize it and upload again.`)
  }
  return format
}
