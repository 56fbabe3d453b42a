import { estimateJpegQuality } from './jpegQuality'
import { isLosslessWebp } from './webpKind'

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif'

/**
 * Qualities used when the upload's own cannot be read (AVIF never says; lossy WebP not
 * reliably). High on purpose: these are the newsroom's copies, and each rewrite starts from the
 * kept upload, so this is the only generation of loss a file ever takes.
 */
export const FALLBACK_QUALITY = { jpeg: 90, webp: 90, avif: 70 } as const

/**
 * Qualities of the extra AVIF and WebP variants made from an upload of another format: these
 * exist to be small for readers, and the same-format variants stay beside them.
 */
export const MODERN_VARIANT_QUALITY = { webp: 80, avif: 55 } as const

/**
 * AVIF encoder effort (0–9): 2 is about twice as fast as sharp's default 4 for files a few
 * percent larger, which matters when an upload writes ten AVIF files inside the request.
 */
export const AVIF_EFFORT = 2

/** What the upload tells about how faithfully it must be re-encoded. */
export type SourceFidelity = {
  format: ImageFormat
  lossless: boolean
  /** A PNG written as a palette image keeps every pixel: it already was one, or it has at most 256 colours. */
  fitsPalette: boolean
  /** A 16-bit PNG's colour space ('rgb16', 'grey16'): written at 16 bits, not cut to 8. */
  sixteenBitSpace: 'rgb16' | 'grey16' | null
  /** The upload's own quality where it can be read (JPEG), else null. */
  quality: number | null
  /** JPEG chroma subsampling as sharp reports it ('4:2:0' or '4:4:4'). */
  chromaSubsampling: string | null
}

export function toImageFormat(format: string | undefined): ImageFormat | null {
  if (format === 'jpeg' || format === 'png' || format === 'webp') return format
  // sharp reports AVIF as its container, HEIF; the upload checks refuse other HEIF codecs.
  if (format === 'heif' || format === 'avif') return 'avif'
  return null
}

/** At most this many colours fit a PNG palette. */
export const PALETTE_COLOURS = 256

/** Whether decoded pixels (`channels` bytes each) have at most `limit` distinct values; stops counting past it. */
export function hasAtMostColours(pixels: Uint8Array, channels: number, limit: number): boolean {
  const seen = new Set<string>()
  for (let offset = 0; offset < pixels.length; offset += channels) {
    seen.add(Buffer.from(pixels.buffer, pixels.byteOffset + offset, channels).toString('latin1'))
    if (seen.size > limit) return false
  }
  return true
}

type SourceMetadata = { format?: string; chromaSubsampling?: string; isPalette?: boolean; space?: string }

/**
 * Reads the fidelity of an upload from its bytes and sharp's header metadata; `fewColours` says
 * whether its pixels have at most 256 colours (counted by the caller, who has them decoded).
 */
export function readSourceFidelity(bytes: Uint8Array, metadata: SourceMetadata, fewColours = false): SourceFidelity {
  const format = toImageFormat(metadata.format)
  if (!format) throw new Error(`Unsupported image format: ${metadata.format ?? 'unknown'}`)
  const isPng = format === 'png'
  return {
    format,
    fitsPalette: isPng && (metadata.isPalette === true || fewColours),
    sixteenBitSpace: isPng && (metadata.space === 'rgb16' || metadata.space === 'grey16') ? metadata.space : null,
    lossless: format === 'png' || (format === 'webp' && isLosslessWebp(bytes)),
    quality: format === 'jpeg' ? estimateJpegQuality(bytes) : null,
    chromaSubsampling: format === 'jpeg' ? (metadata.chromaSubsampling ?? null) : null,
  }
}

export type EncodeOptions =
  | { format: 'png'; options: { compressionLevel: number; palette: false } | { compressionLevel: number; palette: true; colours: number; dither: 0; quality: 100; effort: 10 } }
  | { format: 'jpeg'; options: { quality: number; chromaSubsampling: string; mozjpeg: false; optimiseCoding: boolean } }
  | { format: 'webp'; options: { lossless: true } | { quality: number } }
  | { format: 'avif'; options: { lossless: true; effort: number } | { quality: number; effort: number } }

/**
 * How to write `target` from a source of known fidelity. A file in the upload's own format keeps
 * its fidelity: PNG and lossless WebP stay lossless, JPEG keeps its quality and chroma
 * subsampling. A PNG is written as a palette only where that loses nothing: the full-size file
 * (`resized` false: a resize makes new colours) of a source that was a palette or has at most 256
 * colours, quantised without dithering; any other PNG is true colour. A full-size JPEG is
 * written with the standard Huffman tables: optimised ones need every DCT coefficient of the
 * image in memory at once (about 150 MB for a 24-megapixel photo, more than the rest of its
 * rewrite together) for 2–3 % fewer bytes; the sizes, at most 1600 pixels wide, keep them.
 */
export function decideEncodeOptions(target: ImageFormat, source: SourceFidelity, resized = true): EncodeOptions {
  const sameFormat = target === source.format
  switch (target) {
    case 'png':
      if (source.fitsPalette && !resized) return { format: 'png', options: { compressionLevel: 9, palette: true, colours: PALETTE_COLOURS, dither: 0, quality: 100, effort: 10 } }
      return { format: 'png', options: { compressionLevel: 9, palette: false } }
    case 'jpeg':
      return {
        format: 'jpeg',
        options: { quality: (sameFormat && source.quality) || FALLBACK_QUALITY.jpeg, chromaSubsampling: (sameFormat && source.chromaSubsampling) || '4:2:0', mozjpeg: false, optimiseCoding: resized },
      }
    case 'webp':
      if (sameFormat && source.lossless) return { format: 'webp', options: { lossless: true } }
      return { format: 'webp', options: { quality: sameFormat ? FALLBACK_QUALITY.webp : MODERN_VARIANT_QUALITY.webp } }
    case 'avif':
      if (sameFormat && source.lossless) return { format: 'avif', options: { lossless: true, effort: AVIF_EFFORT } }
      return { format: 'avif', options: { quality: sameFormat ? FALLBACK_QUALITY.avif : MODERN_VARIANT_QUALITY.avif, effort: AVIF_EFFORT } }
  }
}
