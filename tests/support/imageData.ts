import { ascii, riffChunks } from '../../src/lib/images/webpKind'

/**
 * What re-signing must leave as it is: every part of an image file except its C2PA manifest
 * store — the coded pixels, the colour profile, the XMP and EXIF. JPEG: every segment but the
 * JUMBF (APP11) ones, and the scan; PNG: every chunk but `caBX`; WebP: every chunk but `C2PA`;
 * AVIF: the `mdat` box (the item locations in `meta` shift with the manifest's size).
 */
export function withoutManifest(bytes: Buffer, mimeType: string): Buffer {
  if (mimeType === 'image/jpeg') return jpegWithoutManifest(bytes)
  if (mimeType === 'image/png') return pngWithoutManifest(bytes)
  if (mimeType === 'image/webp') return Buffer.concat(riffChunks(bytes).filter((chunk) => chunk.fourcc !== 'C2PA').map((chunk) => bytes.subarray(chunk.start, chunk.end)))
  if (mimeType === 'image/avif') return Buffer.concat(bmffBoxes(bytes).filter((box) => box.type === 'mdat').map((box) => bytes.subarray(box.start, box.end)))
  throw new Error(`no parser for ${mimeType}`)
}

const APP11 = 0xeb
const SOS = 0xda

function jpegWithoutManifest(jpeg: Buffer): Buffer {
  const kept: Buffer[] = [jpeg.subarray(0, 2)]
  let offset = 2
  while (offset + 4 <= jpeg.length) {
    const marker = jpeg[offset + 1]!
    if (marker === SOS) return Buffer.concat([...kept, jpeg.subarray(offset)])
    const end = offset + 2 + jpeg.readUInt16BE(offset + 2)
    if (marker !== APP11) kept.push(jpeg.subarray(offset, end))
    offset = end
  }
  throw new Error('no image data in JPEG')
}

function pngWithoutManifest(png: Buffer): Buffer {
  const kept: Buffer[] = [png.subarray(0, 8)]
  for (let offset = 8; offset + 12 <= png.length; ) {
    const end = offset + 12 + png.readUInt32BE(offset)
    if (ascii(png, offset + 4, 4) !== 'caBX') kept.push(png.subarray(offset, end))
    offset = end
  }
  return Buffer.concat(kept)
}

function bmffBoxes(file: Buffer): Array<{ type: string; start: number; end: number }> {
  const boxes: Array<{ type: string; start: number; end: number }> = []
  for (let offset = 0; offset + 8 <= file.length; ) {
    const size32 = file.readUInt32BE(offset)
    const size = size32 === 1 ? Number(file.readBigUInt64BE(offset + 8)) : size32 === 0 ? file.length - offset : size32
    boxes.push({ type: ascii(file, offset + 4, 4), start: offset, end: offset + size })
    offset += size
  }
  return boxes
}

/** The top-level box types of an AVIF file, in order (for a readable failure). */
export const avifBoxTypes = (file: Buffer): string[] => bmffBoxes(file).map((box) => box.type)
