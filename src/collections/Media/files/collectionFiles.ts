import type { PayloadRequest } from 'payload'

/** The media collection's upload folder, as configured. */
export function staticDirOf(req: Pick<PayloadRequest, 'payload'>): string {
  const upload = req.payload.collections.media.config.upload
  if (!upload.staticDir) throw new Error('The media collection has no staticDir')
  return upload.staticDir
}

/** The decoder's pixel limit, configured once on the collection (constructorOptions). */
export function maxPixelsOf(req: Pick<PayloadRequest, 'payload'>): number {
  const limit = req.payload.collections.media.config.upload.constructorOptions?.limitInputPixels
  if (typeof limit !== 'number') throw new Error('The media collection sets no limitInputPixels')
  return limit
}
