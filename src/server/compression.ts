import { promisify } from 'node:util'
import zlib from 'node:zlib'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

export type ContentEncoding = 'br' | 'gzip' | 'identity'

/**
 * A response body in one encoding, compressed off the main thread (zlib's thread pool).
 * `kept`: made once and served many times (a cache entry), so as small as each can make it;
 * otherwise made for one answer, at a brotli quality that costs about what gzip's default does.
 */
export function compressBody(body: Buffer, encoding: ContentEncoding, { kept }: { kept: boolean }): Promise<Buffer> {
  if (encoding === 'br') return brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: kept ? 11 : 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
  if (encoding === 'gzip') return gzip(body, { level: kept ? 9 : zlib.constants.Z_DEFAULT_COMPRESSION })
  return Promise.resolve(body)
}
