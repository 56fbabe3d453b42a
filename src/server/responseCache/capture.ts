import type { ServerResponse } from 'node:http'

type Chunk = string | Uint8Array

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
}

/**
 * Records the body of a response as it is written, without changing what the client gets.
 * Stops recording (and reports nothing) past `maxBytes`, so one huge response cannot fill memory.
 */
export function captureBody(res: ServerResponse, maxBytes: number, onFinished: (body: Buffer) => void): void {
  const chunks: Buffer[] = []
  let size = 0
  let overflow = false
  const record = (chunk: unknown, encoding: unknown) => {
    if (overflow || chunk === undefined || chunk === null || typeof chunk === 'function') return
    const buffer = toBuffer(chunk as Chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined)
    size += buffer.length
    if (size > maxBytes) {
      overflow = true
      chunks.length = 0
    } else chunks.push(buffer)
  }
  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
  res.write = ((...args: unknown[]) => {
    record(args[0], args[1])
    return write(...args)
  }) as ServerResponse['write']
  res.end = ((...args: unknown[]) => {
    record(args[0], args[1])
    return end(...args)
  }) as ServerResponse['end']
  res.once('finish', () => {
    if (!overflow) onFinished(Buffer.concat(chunks, size))
  })
}
