import type { ImageView } from '@/lib/data/views'
import { toPicture } from '@/lib/images/pictureSources'

type Props = {
  image: ImageView
  /** Layout widths for the browser to pick a variant, as in the `sizes` attribute. */
  sizes: string
  /** The page's largest image (LCP): loaded first, never lazily. */
  priority?: boolean
}

/**
 * An image as `<picture>`: AVIF, WebP, then the upload's own format, each over every width
 * Payload made (the credit is inside each file). Plain markup rather than next/image: that one is
 * a client component, and its loader cannot list the formats of the document's own sizes, so
 * readers' pages ship no JavaScript for images.
 */
export function Picture({ image, sizes, priority = false }: Props) {
  const { sources, fallback } = toPicture(image.variants, image.url)
  if (!fallback) return null
  return (
    <picture>
      {sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
      ))}
      <img
        src={fallback.src}
        srcSet={fallback.srcSet || undefined}
        sizes={fallback.srcSet ? sizes : undefined}
        alt={image.alt}
        width={image.width}
        height={image.height}
        loading={priority ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : undefined}
        decoding="async"
        style={{ objectPosition: `${image.focalX ?? 50}% ${image.focalY ?? 50}%` }}
      />
    </picture>
  )
}
