import type { Id } from '@/lib/id'
import type { PayloadRequest } from 'payload'

import { slugPaths, type SluggedCollection } from '@/lib/urls'
import type { Redirect } from '@/payload-types'


/**
 * A public document moved from `oldSlug` to `newSlug`: the old address now points at the
 * document (not at a slug, so later moves need no chain), and the new one is its own again.
 */
export async function recordSlugMove(collection: SluggedCollection, id: Id, oldSlug: string, newSlug: string, req: PayloadRequest): Promise<void> {
  const from = slugPaths[collection](oldSlug)
  await releaseAddress(slugPaths[collection](newSlug), req)
  // The generated types know SQL's numeric ids only; MongoDB's are strings.
  const to = { type: 'reference', reference: { relationTo: collection, value: id } } as Redirect['to']
  const { docs } = await req.payload.find({ collection: 'redirects', where: { from: { equals: from } }, depth: 0, limit: 1, pagination: false, overrideAccess: true, req })
  if (docs[0]) await req.payload.update({ collection: 'redirects', id: docs[0].id, data: { to }, overrideAccess: true, req })
  else await req.payload.create({ collection: 'redirects', data: { from, to }, overrideAccess: true, req })
}

/** A document took this address: a redirect from it would hide the document. */
export async function releaseAddress(path: string, req: PayloadRequest): Promise<void> {
  await req.payload.delete({ collection: 'redirects', where: { from: { equals: path } }, overrideAccess: true, req })
}
