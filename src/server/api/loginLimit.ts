import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { accountOf, graphQLLoginAccounts } from './loginAccount'

type RestContext = { params: Promise<{ slug: string[] }> }
type Handler<Context> = (request: Request, context: Context) => Promise<Response>

type AccountLimiter = Pick<RateLimiterAbstract, 'consume'>

/**
 * The per-account login limiter is made by the server (in memory, or in Redis for a cluster) and
 * used here, where the login body can be read without taking it from Payload. Next's bundle and
 * the server's modules are separate module graphs (each has its own copy of this module and of
 * payload.config.ts), so no module variable reaches from one to the other. What both share is the
 * one Payload instance: payload is external to Next's bundle (next.config.js), and the routes'
 * getPayload returns the instance the server built. So the server builds it from a config that
 * carries the limiter in `custom` (server-only: never sent to the admin), and the routes read it
 * from there. Without the server (Local API, CLI) there is no limiter, and no per-account limit;
 * in development, a hot reload swaps in Next's copy of the config, without it, until a restart.
 */
const LIMITER_KEY = 'loginAccountLimiter'

export async function withLoginAccountLimiter(config: Promise<SanitizedConfig>, limiter: AccountLimiter): Promise<SanitizedConfig> {
  const resolved = await config
  return { ...resolved, custom: { ...resolved.custom, [LIMITER_KEY]: limiter } }
}

function loginAccountLimiterOf(payload: Payload): AccountLimiter | null {
  const limiter: unknown = payload.config.custom?.[LIMITER_KEY]
  return typeof (limiter as Partial<AccountLimiter> | undefined)?.consume === 'function' ? (limiter as AccountLimiter) : null
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
  const limiter = loginAccountLimiterOf(payload)
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
