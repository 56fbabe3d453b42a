import type { CreditsPageData } from '@/lib/pages/creditPages'
import type { PageProps } from '@/lib/pages/props'
import { absoluteUrl, imageCreditPath } from '@/lib/urls'
import { ContentCredentialsSummary } from './ContentCredentialsSummary'
import { ImageCredit } from './ImageCredit'
import { Picture } from './Picture'

/** /credits: each public image with its full credit and a link to its own page (with the articles using it). */
export function CreditsView({ page, origin, timeZone }: { page: CreditsPageData; origin: string; timeZone: string }) {
  return (
    <section className="credits">
      <h1>Image credits</h1>
      <p className="standfirst">Every image on this site, newest first, with its creator, source and license. Each links to the articles it appears in.</p>
      {page.position ? <p className="meta">{page.position}</p> : null}
      {page.images.length === 0 ? <p>No images are in use.</p> : null}
      <ul className="credits__list">
        {page.images.map((image) => (
          <li key={image.url} className="credits__item">
            <Picture image={image} sizes="10rem" />
            <div>
              <p className="credits__credit">
                <ImageCredit credit={image.credit} imageUrl={absoluteUrl(image.url, origin)} />
              </p>
              {image.caption ? <p className="caption">{image.caption}</p> : null}
              {image.contentCredentials ? <ContentCredentialsSummary summary={image.contentCredentials} timeZone={timeZone} /> : null}
              <p className="meta">
                <a href={imageCreditPath(image.id)}>Where this image is used</a>
              </p>
            </div>
          </li>
        ))}
      </ul>
      {page.newer || page.older ? (
        <nav className="pager" aria-label="More images">
          {page.newer ? <a href={page.newer}>← Newer images</a> : <span />}
          {page.older ? <a href={page.older}>Older images →</a> : null}
        </nav>
      ) : null}
    </section>
  )
}

/** The default export of the /credits page files in src/pages. */
export function CreditsPage({ page, origin, site }: PageProps<CreditsPageData>) {
  return <CreditsView page={page} origin={origin} timeZone={site.timeZone} />
}
