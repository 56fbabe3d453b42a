import Image from 'next/image'

import type { ImageView } from '@/lib/data/views'
import { absoluteUrl } from '@/lib/urls'
import { ImageCredit } from './ImageCredit'

type Props = {
  image: ImageView
  origin: string
  /** Layout widths for the browser to pick a variant, as in the `sizes` attribute. */
  sizes: string
  priority?: boolean
  /** Front-page cards show the credit but not the caption. */
  showCaption?: boolean
}

function objectPosition(image: ImageView): string {
  return `${image.focalX ?? 50}% ${image.focalY ?? 50}%`
}

export function ArticleFigure({ image, origin, sizes, priority = false, showCaption = true }: Props) {
  return (
    <figure className="figure">
      <Image
        src={image.url}
        alt={image.alt}
        width={image.width}
        height={image.height}
        sizes={sizes}
        priority={priority}
        style={{ objectPosition: objectPosition(image) }}
      />
      <figcaption>
        {showCaption && image.caption ? <span className="caption">{image.caption}</span> : null}
        <ImageCredit credit={image.credit} imageUrl={absoluteUrl(image.url, origin)} />
      </figcaption>
    </figure>
  )
}
