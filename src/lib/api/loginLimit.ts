import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { accountOf, graphQLLoginAccounts } from './loginAccount'

type RestContext = { params: Promise<{ slug: string[] }> }
type Handler<Context> = (request: Request, context: Context) => Promise<Response>

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
 * Spends one attempt for each account; a 429 with Retry-After when one has none left. Attempts
 * count from any address, so a password can't be guessed from many. A shared store that is down
 * lets logins go on (Payload still locks an account after five failures), logged.
 */
async function refusalFor(accounts: string[], payload: Payload): Promise<Response | null> {
  const limiter = (globalThis as GlobalWithLimiter)[REGISTRY]
  if (!limiter) return null
  for (const account of accounts) {
    try {
      await limiter.consume(account)
    } catch (rejection) {
      if (!isRefusal(rejection)) {
        payload.logger.error({ err: rejection }, 'login limit store failed; attempt let through')
        continue
      }
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
      return Response.json(
        { errors: [{ message: `Too many login attempts for this account. Try again in ${seconds} s.` }] },
        { status: 429, headers: { 'Retry-After': String(seconds), 'Cache-Control': 'no-store' } },
      )
    }
  }
  return null
}

/** Wraps Payload's REST routes: `POST /api/<auth collection>/login` counts against the account it names. */
export function withLoginLimit(handler: Handler<RestContext>, config: Promise<SanitizedConfig>): Handler<RestContext> {
  return async (request, context) => {
    const [collection, action, ...rest] = (await context.params).slug
    const payload = await getPayload({ config })
    const isLogin = action === 'login' && rest.length === 0 && Boolean(payload.collections[collection as keyof Payload['collections']]?.config.auth)
    const account = isLogin ? await accountOf(request) : null
    return (account && (await refusalFor([account], payload))) || handler(request, context)
  }
}

/** Wraps Payload's GraphQL route: login mutations count against the accounts they name, as REST logins do. */
export function withGraphQLLoginLimit(handler: (request: Request) => Promise<Response>, config: Promise<SanitizedConfig>): (request: Request) => Promise<Response> {
  return async (request) => {
    const accounts = await graphQLLoginAccounts(request)
    if (accounts.length === 0) return handler(request)
    return (await refusalFor(accounts, await getPayload({ config }))) || handler(request)
  }
}
