import type { Request, Response } from 'express'

import { compressBody } from './compression'
import { chooseEncoding, personalReason } from './responseCache/policy'

/*
 * Shared by the routes the server answers itself, before Next (the anonymous search API and
 * search page): Next's request handling alone costs several milliseconds of a core, the whole
 * budget of a search under 8 concurrent clients (issue 15).
 */

type RequestFacts = { headers: { authorization?: string; cookie?: string | string[]; origin?: string }; search: URLSearchParams }

/**
 * Whether a request may be answered before Next exactly as Next would answer it: nobody signed in
 * (no session cookie, no Authorization), no trusted origin (Payload answers those with
 * credentials), and only the route's own parameters, each once. Anything else goes on to Next.
 */
export function isPlainAnonymousRequest({ headers, search }: RequestFacts, trustedOrigins: readonly string[], params: ReadonlySet<string>): boolean {
  if (personalReason(headers) !== null) return false
  if (headers.origin && trustedOrigins.includes(headers.origin)) return false
  const names = [...search.keys()]
  return names.every((name) => params.has(name)) && new Set(names).size === names.length
}

export const searchParamsOf = (req: Request): URLSearchParams => new URL(req.originalUrl, 'http://localhost').searchParams

/** An answer made for one request (never stored): compressed as the client accepts, `no-store`. */
export async function sendForThisRequestOnly(req: Request, res: Response, { status, type, body, headers = {} }: { status: number; type: string; body: string; headers?: Record<string, string> }): Promise<void> {
  const encoding = chooseEncoding(req.headers['accept-encoding'])
  const bytes = await compressBody(Buffer.from(body), encoding, { kept: false })
  res.status(status).set({ ...headers, 'Content-Type': type, 'Cache-Control': 'no-store', Vary: 'Accept-Encoding' })
  if (encoding !== 'identity') res.set('Content-Encoding', encoding)
  res.end(bytes)
}
