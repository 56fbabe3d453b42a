/**
 * What is wrong with a request body before Payload parses it. Payload answers a body it cannot
 * read with a 500 (GraphQL: malformed JSON; REST: a truncated multipart form, `_payload` that is
 * not JSON), and recurses into deeply nested JSON. This reads a copy of the body, bounded, and
 * names the problem with a 4xx instead.
 */
import busboy from 'busboy'

export type BodyLimits = {
  /** Largest JSON body, in bytes. */
  maxJsonBytes: number
  /** Largest multipart body (an upload and its fields), in bytes. */
  maxMultipartBytes: number
  /** Deepest nesting of arrays and objects in a JSON body. */
  maxJsonDepth: number
}

export type BodyProblem = { status: 400 | 413 | 415; message: string }

/** The content types a body may have: JSON everywhere, multipart forms (uploads) where allowed. */
export type AcceptedBodies = { multipart: boolean; urlEncoded: boolean }

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT'])

/** A JSON body of at most 2 MiB: a long article's rich text is a few hundred KB. */
export const DEFAULT_MAX_JSON_BYTES = 2 * 1024 * 1024
export const DEFAULT_MAX_JSON_DEPTH = 100

/** The media type exactly as Payload reads it: `Application/JSON` is not JSON to Payload, so not to us either. */
function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';', 1)[0]!
}

/** The nesting depth of parsed JSON, counted without recursion (the input is the attacker's). */
export function jsonDepth(value: unknown): number {
  let deepest = 0
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!
    if (item === null || typeof item !== 'object') continue
    deepest = Math.max(deepest, depth)
    for (const child of Object.values(item)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
  }
  return deepest
}

/** Problems of a JSON text: syntax and nesting. */
export function findJsonProblem(text: string, maxDepth: number, what = 'The request body'): BodyProblem | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { status: 400, message: `${what} is not valid JSON: ${(error as Error).message}.` }
  }
  if (jsonDepth(parsed) > maxDepth) return { status: 400, message: `${what} nests arrays and objects deeper than ${maxDepth} levels.` }
  return null
}

/**
 * Hands each chunk of a stream to `onChunk` while the total stays within `cap`; returns the total,
 * or null (the stream cancelled) as soon as it holds more.
 */
async function readWithin(body: ReadableStream<Uint8Array>, cap: number, onChunk: (chunk: Uint8Array) => void): Promise<number | null> {
  const reader = body.getReader()
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return size
    size += value.byteLength
    if (size > cap) {
      // Not awaited: a branch of a teed body (request.clone()) settles its cancel only with the other's.
      reader.cancel().catch(() => undefined)
      return null
    }
    onChunk(value)
  }
}

/** Reads at most `cap` bytes of a stream; null when it holds more. */
async function readBounded(body: ReadableStream<Uint8Array>, cap: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = []
  const size = await readWithin(body, cap, (chunk) => chunks.push(chunk))
  return size === null ? null : Buffer.concat(chunks, size)
}

const tooLarge = (cap: number): BodyProblem => ({ status: 413, message: `The request body is larger than ${cap} bytes.` })

/** Past this, a refused body is not read to its end: the connection is dropped instead. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024

/**
 * Reads the rest of a refused body and throws it away, so the client, still sending, receives the
 * 413 instead of a reset connection; up to a bound, as a body may never end.
 */
async function drain(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body) return
  const reader = body.getReader()
  let size = 0
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }))
    if (done) return
    size += value.byteLength
    if (size > MAX_DRAIN_BYTES) return void reader.cancel().catch(() => undefined)
  }
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

const UNREADABLE_FORM: BodyProblem = {
  status: 400,
  message: 'The multipart/form-data body could not be read: it is truncated, or its parts do not match the boundary in Content-Type.',
}

/** What is wrong with the fields Payload reads from a form (`_payload`, its data as JSON). */
function findFieldsProblem(fields: string | undefined, maxDepth: number): BodyProblem | null {
  if (fields === undefined) return null
  // The form decoder replaces bytes that are not UTF-8; Payload would store the replacement.
  if (fields.includes('\uFFFD')) return { status: 400, message: 'The _payload field is not valid UTF-8.' }
  return findJsonProblem(fields, maxDepth, 'The _payload field')
}

/**
 * A multipart form checked as it streams past (busboy): its files are skipped, never held. Read
 * whole and parsed with `Response.formData()`, a camera photo's form was copied five times (the
 * body, a Uint8Array, a Blob, the parser's buffer, the file part): 40 MB of garbage per 8 MB
 * upload, which V8 frees only at a full collection, and through a burst of uploads most of the
 * server's rise in memory.
 */
async function findMultipartProblem(body: ReadableStream<Uint8Array>, contentType: string, limits: BodyLimits): Promise<BodyProblem | null> {
  const cap = limits.maxMultipartBytes
  let form: busboy.Busboy
  try {
    form = busboy({ headers: { 'content-type': contentType }, limits: { fieldSize: cap } })
  } catch {
    // No boundary, or not a form busboy knows: nothing Payload could read either.
    await drain(body)
    return UNREADABLE_FORM
  }
  let fields: string | undefined
  let failed = false
  form.on('field', (name, value) => {
    if (name === '_payload' && fields === undefined) fields = value
  })
  // A file cut short fails its own stream too; the form's error below says so.
  form.on('file', (_name, file) => file.on('error', () => undefined).resume())
  const finished = new Promise<void>((resolve) => {
    form.on('close', resolve)
    form.on('error', () => ((failed = true), resolve()))
  })

  // After an error the rest is still read (to the cap): the client then gets the answer, not a reset connection.
  const size = await readWithin(body, cap, (chunk) => {
    if (!failed) form.write(chunk)
  })
  if (size === null) {
    form.destroy()
    return tooLarge(cap)
  }
  if (size === 0) return { status: 400, message: 'The multipart/form-data body is empty.' }
  if (!failed) form.end()
  await finished
  return failed ? UNREADABLE_FORM : findFieldsProblem(fields, limits.maxJsonDepth)
}

/**
 * Reads a copy of the body (the request itself stays unread for Payload) and returns what is
 * wrong with it, or null: too large (413), a content type the route does not take (415),
 * JSON that does not parse, is not UTF-8 or nests too deeply, a multipart form that does not
 * parse (400). Requests without a body, and methods that carry none, pass.
 */
export async function findBodyProblem(request: Request, limits: BodyLimits, accepted: AcceptedBodies): Promise<BodyProblem | null> {
  if (!BODY_METHODS.has(request.method.toUpperCase()) || request.body === null) return null
  const contentType = request.headers.get('content-type')
  const mediaType = mediaTypeOf(contentType)
  const isMultipart = accepted.multipart && mediaType === 'multipart/form-data'
  const cap = isMultipart ? limits.maxMultipartBytes : limits.maxJsonBytes
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (declared > cap) {
    await drain(request.body)
    return tooLarge(cap)
  }

  if (isMultipart) {
    const problem = await findMultipartProblem(request.clone().body!, contentType!, limits)
    if (problem?.status === 413) await drain(request.body)
    return problem
  }
  const bytes = await readBounded(request.clone().body!, cap)
  if (bytes === null) {
    await drain(request.body)
    return tooLarge(cap)
  }
  const unsupported = (): BodyProblem => {
    const kinds = accepted.multipart ? 'application/json, or multipart/form-data for uploads' : 'application/json'
    return { status: 415, message: `Send the request body as ${kinds} (Content-Type was ${contentType ? JSON.stringify(contentType) : 'missing'}).` }
  }
  // Payload takes an empty body as no data, but parses any multipart/* type, and fails on an empty one.
  if (bytes.byteLength === 0) {
    if (!mediaType.includes('multipart/')) return null
    return unsupported()
  }

  if (mediaType === 'application/x-www-form-urlencoded' && accepted.urlEncoded) return decodeUtf8(bytes) === null ? { status: 400, message: 'The request body is not valid UTF-8.' } : null
  if (mediaType !== 'application/json') return unsupported()
  const text = decodeUtf8(bytes)
  if (text === null) return { status: 400, message: 'The request body is not valid UTF-8.' }
  return findJsonProblem(text, limits.maxJsonDepth)
}

/** Wraps a route handler (GraphQL) with the body checks: a 4xx in Payload's error format, or the handler. */
export function withBodyChecks(handler: (request: Request) => Promise<Response>, limits: BodyLimits, accepted: AcceptedBodies): (request: Request) => Promise<Response> {
  return async (request) => {
    const problem = await findBodyProblem(request, limits, accepted)
    if (!problem) return handler(request)
    return Response.json({ errors: [{ message: problem.message }] }, { status: problem.status, headers: { 'Cache-Control': 'no-store' } })
  }
}
