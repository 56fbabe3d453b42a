import type { PageConfig } from 'next'

import { ImageCredit } from '@/components/ImageCredit'
import { Picture } from '@/components/Picture'
import { cacheTags } from '@/lib/cache/tags'
import { listCreditedImages, type CreditedImage } from '@/lib/data/credits'
import type { PageProps } from '@/lib/pages/props'
import { publicPage } from '@/lib/pages/publicPage'
import { toPageMeta } from '@/lib/seo/metadata'
import { absoluteUrl, articlePath, machinePaths } from '@/lib/urls'

/** Plain HTML: readers get no framework JavaScript. */
export const config: PageConfig = { unstable_runtimeJS: false }

type Credits = { images: CreditedImage[] }

export const getServerSideProps = publicPage<Credits>(async (_context, { site, origin }) => ({
  page: { images: await listCreditedImages() },
  head: toPageMeta({ title: 'Image credits', description: 'Every image on this site, with its creator, source and license.', path: machinePaths.credits }, site, origin),
  tags: [cacheTags.credits],
}))

export default function CreditsPage({ page: { images }, origin }: PageProps<Credits>) {
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
