import type { IncomingMessage } from 'node:http'
import { once } from 'node:events'

/** Login forms are small; anything longer is not read here (Payload still gets all of it). */
const MAX_LOGIN_BODY_BYTES = 64 * 1024

/**
 * Reads a request body and puts it back at the front of the stream before its end is announced,
 * so Next reads the same bytes afterwards. Null (and nothing consumed) when it is too long.
 */
export async function peekBody(req: IncomingMessage, maxBytes = MAX_LOGIN_BODY_BYTES): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for (;;) {
    const chunk = req.read() as Buffer | null
    if (chunk) {
      chunks.push(chunk)
      size += chunk.length
      if (size > maxBytes) break
      continue
    }
    if (req.complete || req.destroyed) break
    await once(req, 'readable')
  }
  const body = Buffer.concat(chunks)
  if (body.length > 0) req.unshift(body)
  return size > maxBytes ? null : body
}

/**
 * The account a login request names: JSON, a URL-encoded form or Payload's admin form (multipart,
 * fields as JSON in `_payload`). Lower-cased, as Payload matches e-mails; null when there is none.
 */
export async function accountOf(body: Buffer, contentType: string): Promise<string | null> {
  let email: unknown
  try {
    if (contentType.includes('json')) {
      email = (JSON.parse(body.toString('utf8')) as { email?: unknown }).email
    } else {
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData()
      const fields = form.get('_payload')
      email = typeof fields === 'string' ? (JSON.parse(fields) as { email?: unknown }).email : form.get('email')
    }
  } catch {
    // A body Payload cannot read either: it answers that itself; the per-IP limit still counts it.
    return null
  }
  return typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : null
}
