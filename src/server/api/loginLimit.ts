import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { accountOf, graphQLAccountRequests, type AccountAction, type AccountRequest } from './loginAccount'

type RestContext = { params: Promise<{ slug: string[] }> }
type Handler<Context> = (request: Request, context: Context) => Promise<Response>

export type AccountLimiter = Pick<RateLimiterAbstract, 'consume'>
export type AccountLimiters = Partial<Record<AccountAction, AccountLimiter>>

/**
 * The per-account limiters (login, forgot-password) are made by the server (in memory, or in
 * Redis for a cluster) and used here, where the request body can be read without taking it from
 * Payload. Next's bundle and the server's modules are separate module graphs (each has its own
 * copy of this module and of payload.config.ts), so no module variable reaches from one to the
 * other. What both share is the one Payload instance: payload is external to Next's bundle
 * (next.config.js), and the routes' getPayload returns the instance the server built. So the
 * server builds it from a config that carries the limiters in `custom` (server-only: never sent
 * to the admin), and the routes read them from there. Without the server (Local API, CLI) there
 * are none, and no per-account limit; in development, a hot reload swaps in Next's copy of the
 * config, without them, until a restart.
 */
const LIMITERS_KEY = 'accountLimiters'

/** The 429's message, per action. Counted for any address named, so it says nothing about whether an account exists. */
const REFUSALS: Record<AccountAction, string> = {
  login: 'Too many login attempts for this account.',
  'forgot-password': 'Too many password reset requests for this account.',
}

export async function withAccountLimiters(config: Promise<SanitizedConfig>, limiters: AccountLimiters): Promise<SanitizedConfig> {
  const resolved = await config
  return { ...resolved, custom: { ...resolved.custom, [LIMITERS_KEY]: limiters } }
}

function accountLimitersOf(payload: Payload): AccountLimiters {
  const limiters: unknown = payload.config.custom?.[LIMITERS_KEY]
  return typeof limiters === 'object' && limiters !== null ? (limiters as AccountLimiters) : {}
}

function isRefusal(rejection: unknown): rejection is { msBeforeNext: number } {
  return !(rejection instanceof Error) && typeof (rejection as { msBeforeNext?: unknown })?.msBeforeNext === 'number'
}

/**
 * Spends one point for each account; a 429 with Retry-After when one has none left. Attempts
 * count from any address, so a password can't be guessed (nor an inbox flooded) from many. A
 * shared store that is down lets requests go on (Payload still locks an account after five
 * failures, and sends one reset e-mail per account per 15 s), logged.
 */
async function refusalFor(requests: AccountRequest[], payload: Payload): Promise<Response | null> {
  const limiters = accountLimitersOf(payload)
  for (const { action, account } of requests) {
    const limiter = limiters[action]
    if (!limiter) continue
    try {
      await limiter.consume(account)
    } catch (rejection) {
      if (!isRefusal(rejection)) {
        payload.logger.error({ err: rejection, action }, 'account limit store failed; request let through')
        continue
      }
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
      return Response.json(
        { errors: [{ message: `${REFUSALS[action]} Try again in ${seconds} s.` }] },
        { status: 429, headers: { 'Retry-After': String(seconds), 'Cache-Control': 'no-store' } },
      )
    }
  }
  return null
}

const isAccountAction = (action: string | undefined): action is AccountAction => action === 'login' || action === 'forgot-password'

/** Wraps Payload's REST routes: `POST /api/<auth collection>/login` and `/forgot-password` count against the account they name. */
export function withLoginLimit(handler: Handler<RestContext>, config: Promise<SanitizedConfig>): Handler<RestContext> {
  return async (request, context) => {
    const [collection, action, ...rest] = (await context.params).slug
    if (!isAccountAction(action) || rest.length > 0) return handler(request, context)
    const payload = await getPayload({ config })
    const isAuth = Boolean(payload.collections[collection as keyof Payload['collections']]?.config.auth)
    const account = isAuth ? await accountOf(request) : null
    return (account && (await refusalFor([{ action, account }], payload))) || handler(request, context)
  }
}

/** Wraps Payload's GraphQL route: login and forgot-password mutations count against the accounts they name, as REST ones do. */
export function withGraphQLLoginLimit(handler: (request: Request) => Promise<Response>, config: Promise<SanitizedConfig>): (request: Request) => Promise<Response> {
  return async (request) => {
    const requests = await graphQLAccountRequests(request)
    if (requests.length === 0) return handler(request)
    return (await refusalFor(requests, await getPayload({ config }))) || handler(request)
  }
}
