import { ascii, riffChunks } from './webpKind'

/**
 * Removes embedded metadata (EXIF with its GPS block, XMP, IPTC, comments) from an image without
 * re-encoding it, so the kept upload loses a photographer's location but not a bit of its
 * pixels. Colour profiles and the image data stay. The caller passes the EXIF orientation, which
 * is re-added on its own in JPEG files so the picture still turns the right way up.
 */

const APP1 = 0xe1
const APP13 = 0xed
const COM = 0xfe
const SOS = 0xda

/** A minimal EXIF block holding only the orientation (big-endian TIFF, one IFD entry). */
function orientationExifSegment(orientation: number): Buffer {
  const payload = Buffer.concat([
    Buffer.from('Exif\0\0', 'latin1'),
    Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08]),
    Buffer.from([0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00]),
    Buffer.from([0x00, 0x00, 0x00, 0x00]),
  ])
  const header = Buffer.from([0xff, APP1, 0, 0])
  header.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([header, payload])
}

export function stripJpegMetadata(jpeg: Buffer, orientation = 1): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('Not a JPEG file')
  const kept: Buffer[] = [jpeg.subarray(0, 2)]
  if (orientation > 1 && orientation <= 8) kept.push(orientationExifSegment(orientation))
  let offset = 2
  while (offset + 4 <= jpeg.length) {
    if (jpeg[offset] !== 0xff) throw new Error(`Malformed JPEG: no marker at byte ${offset}`)
    const marker = jpeg[offset + 1]!
    if (marker === 0xff) {
      offset += 1
      continue
    }
    // From the start of scan on it is image data (and the markers after it): kept as it is.
    if (marker === SOS) {
      kept.push(jpeg.subarray(offset))
      return Buffer.concat(kept)
    }
    const end = offset + 2 + jpeg.readUInt16BE(offset + 2)
    if (marker !== APP1 && marker !== APP13 && marker !== COM) kept.push(jpeg.subarray(offset, end))
    offset = end
  }
  throw new Error('Malformed JPEG: no image data')
}

const WEBP_METADATA_CHUNKS = new Set(['EXIF', 'XMP '])
const VP8X_EXIF_FLAG = 0x08
const VP8X_XMP_FLAG = 0x04

export function stripWebpMetadata(webp: Buffer): Buffer {
  if (ascii(webp, 0, 4) !== 'RIFF' || ascii(webp, 8, 4) !== 'WEBP') throw new Error('Not a WebP file')
  const chunks = riffChunks(webp)
    .filter((chunk) => !WEBP_METADATA_CHUNKS.has(chunk.fourcc))
    .map((chunk) => {
      const bytes = Buffer.from(webp.subarray(chunk.start, chunk.end))
      if (chunk.fourcc === 'VP8X') bytes[8] = bytes[8]! & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG)
      return bytes
    })
  const header = Buffer.from(webp.subarray(0, 12))
  const body = Buffer.concat(chunks)
  header.writeUInt32LE(body.length + 4, 4)
  return Buffer.concat([header, body])
}
