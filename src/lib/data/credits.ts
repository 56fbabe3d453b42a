import { findPublishedSummaries } from './articles'
import type { ImageView } from './views'

export type CreditedImage = { image: ImageView; articles: Array<{ slug: string; headline: string }> }

/** Every image that published articles use, each with the articles using it, newest first. */
export function groupImagesByUse(articles: Array<{ slug: string; headline: string; image: ImageView | null }>): CreditedImage[] {
  const byUrl = new Map<string, CreditedImage>()
  for (const article of articles) {
    if (!article.image) continue
    const entry = byUrl.get(article.image.url) ?? { image: article.image, articles: [] }
    entry.articles.push({ slug: article.slug, headline: article.headline })
    byUrl.set(article.image.url, entry)
  }
  return [...byUrl.values()]
}

export async function listCreditedImages(): Promise<CreditedImage[]> {
  return groupImagesByUse(await findPublishedSummaries())
}
