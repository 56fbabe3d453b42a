import { MODERN_FORMATS, VARIANT_WIDTHS, variantName } from './variants'

type Size = { url?: string | null; width?: number | null; mimeType?: string | null } | null | undefined

export type PictureSource = { type: string; srcset: string }

function srcsetOf(sizes: Size[]): { type: string; srcset: string } | null {
  const present = sizes.filter((size): size is NonNullable<Size> & { url: string; width: number } => Boolean(size?.url && size.width))
  if (present.length === 0) return null
  return { type: present[0]!.mimeType ?? '', srcset: present.map((size) => `${size.url} ${size.width}w`).join(', ') }
}

/**
 * The `<source>` elements of a `<picture>` for a media document: AVIF, then WebP, then the
 * upload's own format (the `<img>` fallback is the last one), each a `srcset` over every width.
 * Formats the document has no files for are left out.
 */
export function pictureSources(sizes: Record<string, Size> | null | undefined): PictureSource[] {
  if (!sizes) return []
  const sources = [
    ...MODERN_FORMATS.map((format) => srcsetOf(VARIANT_WIDTHS.map((width) => sizes[variantName(width, format)]))),
    srcsetOf(VARIANT_WIDTHS.map((width) => sizes[variantName(width)])),
  ]
  const seen = new Set<string>()
  // A WebP upload's own format is already listed as WebP.
  return sources.filter((source): source is PictureSource => source !== null && !seen.has(source.type) && Boolean(seen.add(source.type)))
}
