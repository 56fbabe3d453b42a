import type { Payload, Where } from 'payload'

/**
 * Whether an anonymous reader may fetch a file: it is the original or a size of an image the
 * reader can read. Asked through the collection's own access rules, so embargoes hold here too.
 */
export function publicFileLookup(payload: Payload): (filename: string) => Promise<boolean> {
  const sizeNames = (payload.collections.media.config.upload.imageSizes ?? []).map((size) => size.name)
  return async (filename) => {
    const where: Where = {
      or: [{ filename: { equals: filename } }, ...sizeNames.map((name) => ({ [`sizes.${name}.filename`]: { equals: filename } }))],
    }
    const { totalDocs } = await payload.count({ collection: 'media', where, overrideAccess: false })
    return totalDocs > 0
  }
}
