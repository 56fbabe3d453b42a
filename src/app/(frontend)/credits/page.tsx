import type { Metadata } from 'next'
import { ContentCredentialsSummary } from '@/components/ContentCredentialsSummary'
import { ImageCredit } from '@/components/ImageCredit'
import { Picture } from '@/components/Picture'
import { getSettings } from '@/config/settings'
import { listCreditedImages } from '@/lib/data/credits'
import { getSiteIdentity } from '@/lib/data/site'
import { toPageMetadata } from '@/lib/seo/metadata'
import { absoluteUrl, articlePath, machinePaths } from '@/lib/urls'

// Rendered on request (no database at build time); the response cache keeps it until a purge.
export const dynamic = 'force-dynamic'

export async function generateMetadata(): Promise<Metadata> {
  const page = { title: 'Image credits', description: 'Every image on this site, with its creator, source and license.', path: machinePaths.credits }
  return toPageMetadata(page, await getSiteIdentity(), getSettings().serverUrl)
}

export default async function CreditsPage() {
  const images = await listCreditedImages()
  const origin = getSettings().serverUrl
  return (
    <section className="credits">
      <h1>Image credits</h1>
      <p className="standfirst">Every image in a published article, with its creator, source and license, and the articles it appears in.</p>
      {images.length === 0 ? <p>No images are in use.</p> : null}
      <ul className="credits__list">
        {images.map(({ image, articles }) => (
          <li key={image.url} className="credits__item">
            <Picture image={image} sizes="10rem" />
            <div>
              <p className="credits__credit">
                <ImageCredit credit={image.credit} imageUrl={absoluteUrl(image.url, origin)} />
              </p>
              {image.caption ? <p className="caption">{image.caption}</p> : null}
              {image.contentCredentials ? <ContentCredentialsSummary summary={image.contentCredentials} /> : null}
              <p className="meta">
                Used in:{' '}
                {articles.map((article, index) => (
                  <span key={article.slug}>
                    {index > 0 ? ', ' : null}
                    <a href={articlePath(article.slug)}>{article.headline}</a>
                  </span>
                ))}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
