import { keptUntilPurged } from '@/lib/cache/keptUntilPurged'
import { cacheTags } from '@/lib/cache/tags'
import { getPayloadClient } from './payload'
import { toImageView, type ImageView, type ProfileLink } from './views'

export type SectionView = ProfileLink & { description: string | null }
export type AuthorView = ProfileLink & { bio: string | null; photo: ImageView | null }

/**
 * Every section, by name: the navigation on every page (a handful). Read once per process and
 * kept until the `site` purge, which every change to a section sends.
 */
export const listSections = keptUntilPurged(cacheTags.site, async (): Promise<ProfileLink[]> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({ collection: 'sections', overrideAccess: false, depth: 0, sort: 'name', limit: 50, pagination: false, select: { name: true, slug: true } })
  return docs.map(({ id, name, slug }) => ({ id, name, slug }))
})

export async function getSection(slug: string): Promise<SectionView | null> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({ collection: 'sections', overrideAccess: false, depth: 0, where: { slug: { equals: slug } }, limit: 1, pagination: false })
  const section = docs[0]
  return section ? { id: section.id, name: section.name, slug: section.slug, description: section.description?.trim() || null } : null
}

/** A public profile: name, slug, bio and photo (with its credit). Nothing else exists to leak. */
export async function getAuthor(slug: string): Promise<AuthorView | null> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({ collection: 'authors', overrideAccess: false, depth: 2, where: { slug: { equals: slug } }, limit: 1, pagination: false })
  const author = docs[0]
  return author ? { id: author.id, name: author.name, slug: author.slug, bio: author.bio?.trim() || null, photo: toImageView(author.photo) } : null
}
