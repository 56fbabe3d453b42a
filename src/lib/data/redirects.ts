import { slugPaths, type SluggedCollection } from '@/lib/urls'
import { getPayloadClient } from './payload'

/**
 * Where an old address now leads, as a reader may see it: null when there is no redirect, or
 * when its document is no longer public (an unpublished article's new address is not revealed).
 */
export async function findRedirect(path: string): Promise<string | null> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({ collection: 'redirects', where: { from: { equals: path } }, depth: 0, limit: 1, pagination: false, overrideAccess: true })
  const target = docs[0]?.to
  if (!target) return null
  if (target.type === 'custom') return target.url ?? null
  const reference = target.reference
  if (!reference) return null
  const collection: SluggedCollection = reference.relationTo
  const id = typeof reference.value === 'object' ? reference.value.id : reference.value
  const { docs: found } = await payload.find({ collection, where: { id: { equals: id } }, draft: false, overrideAccess: false, depth: 0, limit: 1, pagination: false, select: { slug: true } })
  const slug = found[0]?.slug
  return slug ? slugPaths[collection](slug) : null
}
