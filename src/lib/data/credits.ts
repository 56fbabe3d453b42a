import { getSettings } from '@/config/settings'
import { isValidId } from '@/server/api/ids'
import { PUBLIC_MEDIA } from '@/domain/media/visibility'
import type { Media } from '@/payload-types'
import { getPayloadClient } from './payload'
import { findStableLanding, findStablePage, type StableLanding, type StablePage, type StableQuery } from './stablePages'
import { toImageView, type ImageView } from './views'

/**
 * /credits: every public image, newest first, one stable page at a time; each links to its own
 * page (/credits/<id>) with the articles using it. Embargoed images are not readable by readers,
 * so they are not here.
 */
function creditQuery(): StableQuery<ImageView | null> {
  return { collection: 'media', where: PUBLIC_MEDIA, dateField: 'createdAt', depth: 1, size: getSettings().listPageSize, toView: (doc: Media) => toImageView(doc) }
}

const withFiles = <T extends { items: Array<ImageView | null> }>(found: T) => ({ ...found, items: found.items.filter((image): image is ImageView => image !== null) })

export async function findCreditLanding(): Promise<StableLanding<ImageView>> {
  return withFiles(await findStableLanding(creditQuery()))
}

export async function findCreditPage(page: number): Promise<StablePage<ImageView> | null> {
  const found = await findStablePage(creditQuery(), page)
  return found && withFiles(found)
}

/** One image as a reader may see it (null while embargoed, unknown, or not an id the database could hold). */
export async function getCreditedImage(id: string): Promise<ImageView | null> {
  const payload = await getPayloadClient()
  if (!isValidId(id, payload.db.defaultIDType === 'number' ? 'number' : 'ObjectID')) return null
  const { docs } = await payload.find({ collection: 'media', where: { id: { equals: id } }, overrideAccess: false, depth: 1, limit: 1, pagination: false })
  return toImageView(docs[0])
}
