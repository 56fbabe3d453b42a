import type { CollectionAfterChangeHook } from 'payload'

import type { License } from '@/payload-types'
import { embedMediaCredit } from '../../Media/hooks/embedCredit'

/** A renamed license or a new deed URL must reach the metadata inside every image under it. */
export const embedCreditForLicensedMedia: CollectionAfterChangeHook<License> = async ({ doc, operation, req }) => {
  if (operation === 'create') return doc
  const { docs } = await req.payload.find({ collection: 'media', where: { license: { equals: doc.id } }, depth: 0, pagination: false, req })
  for (const media of docs) await embedMediaCredit(media, req)
  return doc
}
