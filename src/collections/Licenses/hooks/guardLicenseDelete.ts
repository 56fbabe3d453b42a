import { APIError, type CollectionBeforeDeleteHook } from 'payload'

const NAMED = 10

/** A license images are under cannot go: their credits and publishing rules read it. Refused with a 409 naming them. */
export const guardLicenseDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { docs, totalDocs } = await req.payload.find({ collection: 'media', where: { license: { equals: id } }, depth: 0, limit: NAMED, overrideAccess: true, req })
  if (totalDocs === 0) return
  const names = docs.map((image) => `"${image.alt}" (${image.filename ?? `id ${image.id}`})`).join(', ')
  const more = totalDocs > docs.length ? ` and ${totalDocs - docs.length} more` : ''
  throw new APIError(`This license cannot be deleted: ${totalDocs} image${totalDocs === 1 ? ' is' : 's are'} under it: ${names}${more}. Move them to another license first.`, 409, null, true)
}
