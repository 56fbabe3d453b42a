import type { IncomingMessage, ServerResponse } from 'node:http'

import pLimit from 'p-limit'

/** A request that carries an image file to the media collection (a new upload or a replaced file). */
export function isUpload(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): boolean {
  return (req.method === 'POST' || req.method === 'PATCH') && Boolean(req.url?.startsWith('/api/media')) && Boolean(req.headers['content-type']?.startsWith('multipart/form-data'))
}

/**
 * At most `max` uploads are read and processed at once; the others wait with their bodies unread
 * (in the socket, not in memory). Payload holds each upload in memory several times over while it
 * parses and stores it: twenty 8 MB camera photos at once would take half a gigabyte, and their
 * parsing both cores, from readers.
 */
export function createUploadLimit(max: number): (req: IncomingMessage, res: ServerResponse, handle: () => void) => void {
  const limit = pLimit(max)
  return (req, res, handle) => {
    if (!isUpload(req)) return handle()
    void limit(
      () =>
        new Promise<void>((done) => {
          res.once('close', () => done())
          handle()
        }),
    )
  }
}
