import { findPublishedSummaries } from './articles'
import { imagesOf, type ImageView } from './views'

export type CreditedImage = { image: ImageView; articles: Array<{ slug: string; headline: string }> }

/** Every image that published articles use (lead or in the body), each with the articles using it, newest first. */
export function groupImagesByUse(articles: Array<{ slug: string; headline: string; image: ImageView | null; bodyImages: ImageView[] }>): CreditedImage[] {
  const byUrl = new Map<string, CreditedImage>()
  for (const article of articles) {
    for (const image of imagesOf(article)) {
      const entry = byUrl.get(image.url) ?? { image, articles: [] }
      entry.articles.push({ slug: article.slug, headline: article.headline })
      byUrl.set(image.url, entry)
    }
  }
  return [...byUrl.values()]
}

export async function listCreditedImages(): Promise<CreditedImage[]> {
  return groupImagesByUse(await findPublishedSummaries())
}
