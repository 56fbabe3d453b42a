import type { NextFunction, Request, RequestHandler, Response } from 'express'
import type { Logger } from 'pino'
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

import type { RateLimits } from '../../config/settings'
import type { AccountLimiters } from '../api/loginLimit'
import type { LimiterFactory } from './limiters'

type RateLimitArgs = {
  limits: RateLimits
  createLimiter: LimiterFactory
  /** Whether the request carries a valid login; signed-in editors are not limited as anonymous callers. */
  isSignedIn: (headers: Request['headers']) => Promise<boolean>
  /** Paths under /api the server calls itself (the job runner). */
  exemptPaths?: string[]
  logger: Pick<Logger, 'error'>
}

const LOGIN_WINDOW_SECONDS = 15 * 60
const LOGIN_PATH = '/api/users/login'
const RESET_WINDOW_SECONDS = 60 * 60
/** Each forgot-password request may send an e-mail; a reset tries a token. */
const RESET_PATHS = ['/api/users/forgot-password', '/api/users/reset-password']
/** Pages that query the database on every request (never cached): counted like API calls. */
const LIMITED_PAGES = ['/search']

/** 429 with Retry-After and a JSON message in Payload's error format. */
function refuse(res: Response, refusal: RateLimiterRes, message: string): void {
  const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000))
  res
    .status(429)
    .set('Retry-After', String(seconds))
    .set('Cache-Control', 'no-store')
    .json({ errors: [{ message: `${message} Try again in ${seconds} s.` }] })
}

/**
 * Login attempts and password-reset requests per account, from any address. Counted where the
 * body can be read without taking it from Payload: the REST and GraphQL routes (src/server/api/loginLimit.ts).
 */
export function createAccountLimiters(createLimiter: LimiterFactory, limits: Pick<RateLimits, 'loginsPerAccount' | 'resetsPerAccount'>): AccountLimiters {
  return {
    login: createLimiter({ keyPrefix: 'login-account', points: limits.loginsPerAccount, durationSeconds: LOGIN_WINDOW_SECONDS }),
    'forgot-password': createLimiter({ keyPrefix: 'reset-account', points: limits.resetsPerAccount, durationSeconds: RESET_WINDOW_SECONDS }),
  }
}

/**
 * Express middleware: login attempts and password-reset requests per IP, and anonymous API
 * requests per IP. Pages (except search, which is never cached) and signed-in users' API calls
 * pass; the response cache in front answers cached pages before this runs, so those are never limited.
 */
export function createRateLimit({ limits, createLimiter, isSignedIn, exemptPaths = [], logger }: RateLimitArgs): RequestHandler {
  /**
   * Consumes one point; the refusal when the key has none left. A failing store (a shared one
   * that is down) lets the request through, logged: readers keep the site, only the limit lapses.
   */
  async function take(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | null> {
    try {
      await limiter.consume(key)
      return null
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return rejection
      logger.error({ err: rejection, limiter: limiter.keyPrefix }, 'rate limit store failed; request let through')
      return null
    }
  }

  const loginsPerIp = createLimiter({ keyPrefix: 'login-ip', points: limits.loginsPerIp, durationSeconds: LOGIN_WINDOW_SECONDS })
  const resetsPerIp = createLimiter({ keyPrefix: 'reset-ip', points: limits.resetsPerIp, durationSeconds: RESET_WINDOW_SECONDS })
  const anonymousApi = createLimiter({ keyPrefix: 'api-ip', points: limits.apiPerMinute, durationSeconds: 60 })

  async function limit(req: Request, res: Response, next: NextFunction): Promise<void> {
    const ip = req.ip ?? 'unknown'
    if (req.method === 'POST' && req.path === LOGIN_PATH) {
      const byIp = await take(loginsPerIp, ip)
      if (byIp) return refuse(res, byIp, 'Too many login attempts from this address.')
      return next()
    }
    if (req.method === 'POST' && RESET_PATHS.includes(req.path)) {
      const byIp = await take(resetsPerIp, ip)
      if (byIp) return refuse(res, byIp, 'Too many password reset requests from this address.')
      return next()
    }
    const limited = req.path.startsWith('/api/') || LIMITED_PAGES.includes(req.path)
    if (!limited || exemptPaths.includes(req.path) || (await isSignedIn(req.headers))) return next()
    const byIp = await take(anonymousApi, ip)
    if (byIp) return refuse(res, byIp, 'Too many API requests from this address; sign in, or slow down.')
    next()
  }

  return (req, res, next) => {
    limit(req, res, next).catch(next)
  }
}
