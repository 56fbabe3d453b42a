import type { PayloadRequest } from 'payload'

/** The media collection's upload folder, as configured. */
export function staticDirOf(req: Pick<PayloadRequest, 'payload'>): string {
  const upload = req.payload.collections.media.config.upload
  if (!upload.staticDir) throw new Error('The media collection has no staticDir')
  return upload.staticDir
}

/** The largest image decoded, in pixels, configured once on the collection (`custom.maxPixels`). */
export function maxPixelsOf(req: Pick<PayloadRequest, 'payload'>): number {
  const limit: unknown = req.payload.collections.media.config.custom?.maxPixels
  if (typeof limit !== 'number') throw new Error('The media collection sets no custom.maxPixels')
  return limit
}
