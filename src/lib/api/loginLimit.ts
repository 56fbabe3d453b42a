import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { accountOf } from './loginAccount'

type Context = { params: Promise<{ slug: string[] }> }
type Handler = (request: Request, context: Context) => Promise<Response>

/**
 * The per-account login limiter is made by the server (with its store: memory now, shared later)
 * and used here, where the login body can be read without taking it from Payload. It lives on
 * globalThis because Next's bundle and the server's modules are separate module graphs.
 */
const REGISTRY = Symbol.for('publication.loginAccountLimiter')
type GlobalWithLimiter = typeof globalThis & { [REGISTRY]?: RateLimiterAbstract }

export function registerLoginAccountLimiter(limiter: RateLimiterAbstract): void {
  ;(globalThis as GlobalWithLimiter)[REGISTRY] = limiter
}

function isRefusal(rejection: unknown): rejection is { msBeforeNext: number } {
  return !(rejection instanceof Error) && typeof (rejection as { msBeforeNext?: unknown })?.msBeforeNext === 'number'
}

/**
 * Wraps Payload's login endpoint: each attempt for an account spends one of its points, from any
 * address, so a password can't be guessed from many addresses. 429 with Retry-After when none are left.
 */
export function withLoginLimit(handler: Handler, config: Promise<SanitizedConfig>): Handler {
  return async (request, context) => {
    const limiter = (globalThis as GlobalWithLimiter)[REGISTRY]
    const [collection, action, ...rest] = (await context.params).slug
    const payload = await getPayload({ config })
    const isLogin = action === 'login' && rest.length === 0 && Boolean(payload.collections[collection as keyof Payload['collections']]?.config.auth)
    if (!limiter || !isLogin) return handler(request, context)
    const account = await accountOf(request)
    if (!account) return handler(request, context)
    try {
      await limiter.consume(account)
    } catch (rejection) {
      if (!isRefusal(rejection)) {
        // A shared store that is down: logins go on (Payload still locks an account after five failures).
        payload.logger.error({ err: rejection }, 'login limit store failed; attempt let through')
        return handler(request, context)
      }
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
      return Response.json(
        { errors: [{ message: `Too many login attempts for this account. Try again in ${seconds} s.` }] },
        { status: 429, headers: { 'Retry-After': String(seconds), 'Cache-Control': 'no-store' } },
      )
    }
    return handler(request, context)
  }
}
