import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'

type Chunk = string | Uint8Array
type Callback = (error?: Error | null) => void

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
}

/**
 * Bytes that all renders under way may hold at once: each render is bounded on its own, and
 * this bounds their sum, so a burst of misses for large pages cannot fill memory.
 */
export class ByteBudget {
  private used = 0

  constructor(readonly limit: number) {}

  take(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false
    this.used += bytes
    return true
  }

  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes)
  }

  inUse(): number {
    return this.used
  }
}

export type HeldResponse = {
  /** After `onEnd`: puts the response's own methods back, so the caller can answer (from the entry it built). */
  restore: () => void
  /** After `onEnd`: sends the held response as the app wrote it. */
  sendAsWritten: () => void
}

type HoldArgs = {
  maxBytes: number
  budget: ByteBudget
  /** The app ended the response and all of it was held: answer it (restore, then write), or sendAsWritten. */
  onEnd: (body: Buffer) => void
  /** The response outgrew `maxBytes` or the budget: what was held is sent, and the rest streams through as written. */
  onLetGo: () => void
}

function applyHead(res: ServerResponse, args: unknown[]): void {
  const [status, second, third] = args
  if (typeof status === 'number') res.statusCode = status
  if (typeof second === 'string') res.statusMessage = second
  const headers = (typeof second === 'string' ? third : second) as OutgoingHttpHeaders | Array<[string, string]> | undefined
  if (Array.isArray(headers)) for (const [name, value] of headers) res.setHeader(name, value)
  else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value)
}

/**
 * Holds a response back (status, headers and body) while the app writes it, so the cache can
 * answer the first reader from the entry it builds, compressed and with an ETag, like every
 * later reader. A response that outgrows its own bound or the shared budget is let go: what was
 * held is sent, and the rest streams through untouched.
 */
export function holdResponse(res: ServerResponse, { maxBytes, budget, onEnd, onLetGo }: HoldArgs): HeldResponse {
  const own = { writeHead: res.writeHead, flushHeaders: res.flushHeaders, write: res.write, end: res.end }
  const chunks: Buffer[] = []
  let size = 0
  let state: 'holding' | 'ended' | 'let go' | 'answered' = 'holding'

  const giveBack = () => {
    budget.give(size)
    chunks.length = 0
    size = 0
  }
  const restore = () => Object.assign(res, own)
  const sendHeld = (): Buffer => {
    const body = Buffer.concat(chunks, size)
    giveBack()
    return body
  }
  /** True when the chunk was held; false when the hold let go (the caller then passes it on). */
  const hold = (chunk: unknown, encoding: unknown): boolean => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return true
    const buffer = toBuffer(chunk as Chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined)
    if (size + buffer.length <= maxBytes && budget.take(buffer.length)) {
      chunks.push(buffer)
      size += buffer.length
      return true
    }
    state = 'let go'
    restore()
    onLetGo()
    const held = sendHeld()
    if (held.length > 0) res.write(held)
    return false
  }

  res.writeHead = ((...args: unknown[]) => {
    if (state !== 'holding') return state === 'ended' ? res : (own.writeHead as (...a: unknown[]) => ServerResponse).apply(res, args)
    applyHead(res, args)
    return res
  }) as ServerResponse['writeHead']
  res.flushHeaders = () => {
    // Sent with the answer.
  }
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    if (state === 'ended') return false
    if (state === 'holding' && hold(chunk, encoding)) {
      const done = (typeof encoding === 'function' ? encoding : callback) as Callback | undefined
      if (done) process.nextTick(done)
      return true
    }
    return res.write(chunk as Chunk, encoding as BufferEncoding, callback as Callback)
  }) as ServerResponse['write']
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (state === 'ended') return res
    if (state === 'holding' && hold(chunk, encoding)) {
      state = 'ended'
      const done = [chunk, encoding, callback].find((each) => typeof each === 'function') as Callback | undefined
      if (done) res.once('finish', done)
      onEnd(Buffer.concat(chunks, size))
      return res
    }
    return res.end(typeof chunk === 'function' ? undefined : (chunk as Chunk), encoding as BufferEncoding, callback as Callback)
  }) as ServerResponse['end']
  // A client gone before the end: nothing will be answered, the bytes go back.
  res.once('close', () => {
    if (state === 'holding') giveBack()
  })

  return {
    restore: () => {
      state = 'answered'
      restore()
      giveBack()
    },
    sendAsWritten: () => {
      state = 'answered'
      restore()
      res.end(sendHeld())
    },
  }
}
