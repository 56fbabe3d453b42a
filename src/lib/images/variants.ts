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
