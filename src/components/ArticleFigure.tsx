import type { ImageView } from '@/lib/data/views'
import { absoluteUrl, imageCreditPath } from '@/lib/urls'
import { ImageCredit } from './ImageCredit'
import { Picture } from './Picture'

type Props = {
  image: ImageView
  origin: string
  /** Layout widths for the browser to pick a variant, as in the `sizes` attribute. */
  sizes: string
  priority?: boolean
  /** Front-page cards show the credit but not the caption. */
  showCaption?: boolean
}

export function ArticleFigure({ image, origin, sizes, priority = false, showCaption = true }: Props) {
  return (
    <figure className="figure">
      <Picture image={image} sizes={sizes} priority={priority} />
      <figcaption>
        {showCaption && image.caption ? <span className="caption">{image.caption}</span> : null}
        <ImageCredit credit={image.credit} imageUrl={absoluteUrl(image.url, origin)} />{' '}
        <a className="credit__details" href={imageCreditPath(image.id)}>
          About this image
        </a>
      </figcaption>
    </figure>
  )
}
