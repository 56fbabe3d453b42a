/** One file of an image, as the page knows it. */
type Variant = { url: string; width: number; mimeType: string | null }

export type Picture = {
  /** `<source>` elements, most efficient format first. */
  sources: Array<{ type: string; srcSet: string }>
  /** The `<img>` fallback: the upload's own format (JPEG or PNG) where there is one. */
  fallback: { type: string; src: string; srcSet: string } | null
}

const PREFERRED = ['image/avif', 'image/webp']

function srcSetOf(variants: Variant[]): string {
  return [...variants].sort((a, b) => a.width - b.width).map((variant) => `${variant.url} ${variant.width}w`).join(', ')
}

/**
 * Groups an image's own sizes by format for `<picture>`: AVIF, then WebP, then the fallback
 * every browser shows. Pure, from the document's recorded sizes (never from file names).
 */
export function toPicture(variants: Variant[], originalUrl: string): Picture {
  const byType = new Map<string, Variant[]>()
  const seen = new Set<string>()
  for (const variant of variants) {
    // A WebP upload's own sizes and its WebP sizes may be the same files: list each once.
    if (seen.has(variant.url)) continue
    seen.add(variant.url)
    const type = variant.mimeType ?? 'unknown'
    byType.set(type, [...(byType.get(type) ?? []), variant])
  }
  const fallbackType = [...byType.keys()].find((type) => !PREFERRED.includes(type)) ?? [...byType.keys()].find((type) => PREFERRED.includes(type))
  const fallbackVariants = fallbackType ? byType.get(fallbackType)! : []
  const widest = [...fallbackVariants].sort((a, b) => b.width - a.width)[0]
  return {
    sources: PREFERRED.filter((type) => type !== fallbackType && byType.has(type)).map((type) => ({ type, srcSet: srcSetOf(byType.get(type)!) })),
    fallback: widest ? { type: fallbackType!, src: widest.url, srcSet: srcSetOf(fallbackVariants) } : originalUrl ? { type: '', src: originalUrl, srcSet: '' } : null,
  }
}

type Size = { url?: string | null; width?: number | null; mimeType?: string | null } | null | undefined

export type PictureSource = { type: string; srcset: string }

/** The same sources for API consumers (a media document's computed `sources`), the fallback format last. */
export function pictureSources(sizes: Record<string, Size> | null | undefined): PictureSource[] {
  const variants = Object.values(sizes ?? {}).flatMap((size) => (size?.url && size.width ? [{ url: size.url, width: size.width, mimeType: size.mimeType ?? null }] : []))
  const { sources, fallback } = toPicture(variants, '')
  return [...sources, ...(fallback ? [{ type: fallback.type, srcSet: fallback.srcSet }] : [])].map(({ type, srcSet }) => ({ type, srcset: srcSet }))
}
