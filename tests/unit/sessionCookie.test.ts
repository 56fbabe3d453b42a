import { describe, expect, it } from '@jest/globals'

import { isSessionCookieIgnored } from '../../src/server/api/sessionCookie'

const config = { cookiePrefix: 'payload', csrf: ['http://localhost:3000'] }
const ignored = (headers: Record<string, string>) => isSessionCookieIgnored(new Headers(headers), config)

describe('isSessionCookieIgnored (Payload’s own CSRF rule for its cookie)', () => {
  it('is true for a cookie from a client that is not a browser on the site', () => {
    expect(ignored({ cookie: 'payload-token=abc' })).toBe(true)
    expect(ignored({ cookie: 'payload-token=abc', 'sec-fetch-site': 'cross-site' })).toBe(true)
    expect(ignored({ cookie: 'payload-token=abc', origin: 'https://elsewhere.example' })).toBe(true)
  })

  it('is false where Payload accepts the cookie, or there is none, or a token header decides', () => {
    expect(ignored({ cookie: 'payload-token=abc', 'sec-fetch-site': 'same-origin' })).toBe(false)
    expect(ignored({ cookie: 'payload-token=abc', origin: 'http://localhost:3000' })).toBe(false)
    expect(ignored({ cookie: 'other=1' })).toBe(false)
    expect(ignored({ cookie: 'payload-token=' })).toBe(false)
    expect(ignored({ cookie: 'payload-token=abc', authorization: 'JWT abc' })).toBe(false)
    expect(isSessionCookieIgnored(new Headers({ cookie: 'payload-token=abc' }), { ...config, csrf: [] })).toBe(false)
  })
})
