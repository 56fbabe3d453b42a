import type { ImageFormat } from './encoding'
import { FORMAT_EXTENSIONS } from './safeFilename'
import widths from './widths.json' with { type: 'json' }

/** Every width a variant exists for, smallest first. */
export const VARIANT_WIDTHS: readonly number[] = [...widths.imageSizes, ...widths.deviceSizes].sort((a, b) => a - b)

export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif'] as const

/** Formats every image is also served in, besides its own, for `<picture>` sources. Smallest first. */
export const MODERN_FORMATS = ['avif', 'webp'] as const
export type ModernFormat = (typeof MODERN_FORMATS)[number]

/** `w768` (the upload's own format) or `w768_avif`: the key in a media document's `sizes`. */
export function variantName(width: number, format?: ModernFormat): string {
  return format ? `w${width}_${format}` : `w${width}`
}

/** The smallest variant, shown as the admin's thumbnail. */
export const THUMBNAIL_VARIANT = variantName(VARIANT_WIDTHS[0]!)

/** `photo.jpg` → `photo-w768.jpg`: a variant's file is named after the original. */
export function variantFilename(originalName: string, width: number, extension: string): string {
  return `${originalName}-${variantName(width)}.${extension}`
}

/** Every size an image has, in `sizes` order: each width in the upload's own format, AVIF and WebP. */
export const VARIANT_NAMES: readonly string[] = VARIANT_WIDTHS.flatMap((width) => [variantName(width), ...MODERN_FORMATS.map((format) => variantName(width, format))])

/** One file to write: the original (`width` null) or a size, in a format, standing for one or more size names. */
export type FileTarget = { file: string; width: number | null; format: ImageFormat; sizeNames: string[] }

/**
 * The files of an image stored as `filename` in format `own`: the original, then every size,
 * named after the original (`photo.jpg` → `photo-w768.jpg`, `photo-w768.avif`). A WebP upload's
 * own-format size and its WebP size are one file.
 */
export function fileTargets(filename: string, own: ImageFormat): FileTarget[] {
  const stem = filename.replace(/\.[^.]+$/, '')
  const byFile = new Map<string, FileTarget>([[filename, { file: filename, width: null, format: own, sizeNames: [] }]])
  for (const width of VARIANT_WIDTHS) {
    for (const modern of [undefined, ...MODERN_FORMATS]) {
      const format = modern ?? own
      const file = variantFilename(stem, width, FORMAT_EXTENSIONS[format])
      const target = byFile.get(file) ?? { file, width, format, sizeNames: [] }
      target.sizeNames.push(variantName(width, modern))
      byFile.set(file, target)
    }
  }
  return [...byFile.values()]
}

/**
 * The original last: signing a file grows the C2PA SDK's WebAssembly memory to fit it, and that
 * memory never shrinks, so the sizes' encoding (an AVIF's encoder takes tens of megabytes) comes
 * before the growth instead of on top of it.
 */
export const originalLast = (targets: readonly FileTarget[]): FileTarget[] => [...targets.filter((target) => target.width !== null), ...targets.filter((target) => target.width === null)]
