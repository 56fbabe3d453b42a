/** The only place cache tags are named: data readers tag with these, hooks revalidate them. */
export const cacheTags = {
  /** Every list of articles (the front page). */
  articleList: 'articles',
  /** One article page and everything shown on it (image, credit, license). */
  article: (slug: string) => `article:${slug}`,
} as const
