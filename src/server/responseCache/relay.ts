import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'

/** Headers of the render's own connection or transfer: each follower's connection sets its own. */
const OWN_TRANSFER = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date'])

export type Relay = {
  /** Answers `res` with the render's status and headers, then every byte the render writes from now on. */
  follow: (res: ServerResponse, isHead: boolean) => void
}

type Chunk = string | Uint8Array

/**
 * Streams a render's answer, as it is written, to the requests that waited for the same URL: an
 * answer too large to keep is still rendered once. Call it before the render sends its first
 * byte, with its headers final. Nothing is held: each follower's socket buffers what it has not
 * taken yet. A render that breaks off (its reader left, the app failed) breaks off its
 * followers too: their headers are gone already, so their connections are closed rather than
 * ending a truncated page as if it were whole. `onEnd` is told how many bytes the render wrote.
 */
export function relayResponse(source: ServerResponse, onEnd: (bytes: number) => void): Relay {
  const headers: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(source.getHeaders())) if (value !== undefined && !OWN_TRANSFER.has(name)) headers[name] = value
  const status = source.statusCode
  const followers: ServerResponse[] = []
  let bytes = 0
  const open = () => followers.filter((follower) => !follower.destroyed && !follower.writableEnded)
  const pass = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : (chunk as Uint8Array).byteLength
    for (const follower of open()) follower.write(chunk as Chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
  }

  const { write, end } = source
  source.write = ((chunk: unknown, ...rest: unknown[]) => {
    pass(chunk, rest[0])
    return (write as (...args: unknown[]) => boolean).call(source, chunk, ...rest)
  }) as ServerResponse['write']
  source.end = ((chunk?: unknown, ...rest: unknown[]) => {
    pass(chunk, rest[0])
    for (const follower of open()) follower.end()
    followers.length = 0
    onEnd(bytes)
    return (end as (...args: unknown[]) => ServerResponse).call(source, chunk, ...rest)
  }) as ServerResponse['end']
  source.once('close', () => {
    if (source.writableFinished) return
    for (const follower of open()) follower.destroy()
    followers.length = 0
  })

  return {
    follow: (res, isHead) => {
      res.writeHead(status, headers)
      if (isHead) res.end()
      else followers.push(res)
    },
  }
}
