import type { ImageView } from '@/lib/data/views'
import { describePermissions } from '@/licensing'
import { absoluteUrl } from '@/lib/urls'
import { ContentCredentialsSummary } from './ContentCredentialsSummary'
import { ImageCredit } from './ImageCredit'
import { IMAGE_SIZES } from './imageSizes'
import { Picture } from './Picture'

/** An image's credits page: the photo, its full credit (title, author, source, license) and what the license allows. */
export function ImageDetails({ image, origin, timeZone }: { image: ImageView; origin: string; timeZone: string }) {
  const terms = describePermissions(image.credit.license)
  return (
    <figure className="figure image-details">
      <Picture image={image} sizes={IMAGE_SIZES.article} priority />
      <figcaption>
        {image.caption ? <span className="caption">{image.caption}</span> : null}
        <ImageCredit credit={image.credit} imageUrl={absoluteUrl(image.url, origin)} />
        <span className="meta">License terms: {terms.summary}</span>
        {image.contentCredentials ? <ContentCredentialsSummary summary={image.contentCredentials} timeZone={timeZone} /> : null}
      </figcaption>
    </figure>
  )
}
