import { cacheTags } from '@/lib/cache/tags'
import { getAuthor } from '@/lib/data/profiles'
import { feedNotFound, feedScope, isFeedFile, scopedFeedResponse } from '@/lib/feeds/scoped'
import { authorPath } from '@/lib/urls'

export const dynamic = 'force-dynamic'

/** `/authors/<slug>/feed.xml`, `atom.xml`, `feed.json`: the author's newest articles. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; feed: string }> }): Promise<Response> {
  const { slug, feed } = await params
  const author = isFeedFile(feed) ? await getAuthor(slug) : null
  if (!author || !isFeedFile(feed)) return feedNotFound()
  return scopedFeedResponse(feed, { kind: 'author', id: author.id }, feedScope(author.name, author.bio, authorPath(author.slug)), cacheTags.author(author.id))
}
