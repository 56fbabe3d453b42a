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

/** Reads the fidelity of an upload from its bytes and sharp's header metadata. */
export function readSourceFidelity(bytes: Uint8Array, metadata: { format?: string; chromaSubsampling?: string }): SourceFidelity {
  const format = toImageFormat(metadata.format)
  if (!format) throw new Error(`Unsupported image format: ${metadata.format ?? 'unknown'}`)
  return {
    format,
    lossless: format === 'png' || (format === 'webp' && isLosslessWebp(bytes)),
    quality: format === 'jpeg' ? estimateJpegQuality(bytes) : null,
    chromaSubsampling: format === 'jpeg' ? (metadata.chromaSubsampling ?? null) : null,
  }
}

export type EncodeOptions =
  | { format: 'png'; options: { compressionLevel: number; palette: false } }
  | { format: 'jpeg'; options: { quality: number; chromaSubsampling: string; mozjpeg: false } }
  | { format: 'webp'; options: { lossless: true } | { quality: number } }
  | { format: 'avif'; options: { lossless: true; effort: number } | { quality: number; effort: number } }

/**
 * How to write `target` from a source of known fidelity. A file in the upload's own format keeps
 * its fidelity: PNG and lossless WebP stay lossless (never `quality`, which puts sharp's PNG
 * encoder into 256-colour palette mode), JPEG keeps its quality and chroma subsampling.
 */
export function decideEncodeOptions(target: ImageFormat, source: SourceFidelity): EncodeOptions {
  const sameFormat = target === source.format
  switch (target) {
    case 'png':
      return { format: 'png', options: { compressionLevel: 9, palette: false } }
    case 'jpeg':
      return {
        format: 'jpeg',
        options: { quality: (sameFormat && source.quality) || FALLBACK_QUALITY.jpeg, chromaSubsampling: (sameFormat && source.chromaSubsampling) || '4:2:0', mozjpeg: false },
      }
    case 'webp':
      if (sameFormat && source.lossless) return { format: 'webp', options: { lossless: true } }
      return { format: 'webp', options: { quality: sameFormat ? FALLBACK_QUALITY.webp : MODERN_VARIANT_QUALITY.webp } }
    case 'avif':
      if (sameFormat && source.lossless) return { format: 'avif', options: { lossless: true, effort: AVIF_EFFORT } }
      return { format: 'avif', options: { quality: sameFormat ? FALLBACK_QUALITY.avif : MODERN_VARIANT_QUALITY.avif, effort: AVIF_EFFORT } }
  }
}
