import { cacheTags } from '@/lib/cache/tags'
import { getSection } from '@/lib/data/profiles'
import { feedNotFound, feedScope, isFeedFile, scopedFeedResponse } from '@/lib/feeds/scoped'
import { sectionPath } from '@/lib/urls'

export const dynamic = 'force-dynamic'

/** `/sections/<slug>/feed.xml`, `atom.xml`, `feed.json`: the section's newest articles. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; feed: string }> }): Promise<Response> {
  const { slug, feed } = await params
  const section = isFeedFile(feed) ? await getSection(slug) : null
  if (!section || !isFeedFile(feed)) return feedNotFound()
  return scopedFeedResponse(feed, { kind: 'section', id: section.id }, feedScope(section.name, section.description, sectionPath(section.slug)), cacheTags.section(section.id))
}
