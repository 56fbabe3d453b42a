import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from '@jest/globals'
import { buildSchema, parse, validate } from 'graphql'
import { pino } from 'pino'

import { withAuthCookies } from '../../src/server/api/authCookies'
import { graphQLLimitRules } from '../../src/server/api/graphqlLimits'
import { idProblem, isValidId } from '../../src/server/api/ids'
import { accountOf, graphQLAccountRequests } from '../../src/server/api/loginAccount'
import { findPageLimitProblem } from '../../src/server/api/pageLimits'
import { findPathProblem, matchEndpoint } from '../../src/server/api/pathProblems'
import { findQueryParamProblem } from '../../src/server/api/queryParams'
import { withPublicCors } from '../../src/server/api/withPublicCors'
import { createApp } from '../../src/server/createApp'

describe('ids', () => {
  it.each([
    ['12', 'number', true],
    ['-1', 'number', true],
    ['abc', 'number', false],
    ['1.5', 'number', false],
    ['1e3', 'number', false],
    ['99999999999999999999', 'number', false],
    ['', 'number', false],
    ['65f1c0ffee0123456789abcd', 'ObjectID', true],
    ['65f1c0ffee', 'ObjectID', false],
    ['12', 'ObjectID', false],
    ['my-custom-id', 'text', true],
    ['bad\u0000id', 'text', false],
  ] as const)('%j is a valid %s id: %s', (value, idType, valid) => {
    expect(isValidId(value, idType)).toBe(valid)
  })

  it('says where the bad id was and what ids look like', () => {
    expect(idProblem('abc', 'number', 'articles')).toBe('articles: "abc" is not an id (ids here are whole numbers).')
    expect(idProblem('7', 'number', 'articles')).toBeNull()
  })
})

describe('path problems', () => {
  const endpoints = [
    { method: 'get', path: '/count' },
    { method: 'get', path: '/file/:filename' },
    { method: 'get', path: '/versions/:id' },
    { method: 'post', path: '/access/:id?' },
    { method: 'get', path: '/:id' },
  ]

  it('matches endpoints in order, as Payload does, with their parameters', () => {
    expect(matchEndpoint(endpoints, 'GET', ['count'])).toEqual({})
    expect(matchEndpoint(endpoints, 'GET', ['abc'])).toEqual({ id: 'abc' })
    expect(matchEndpoint(endpoints, 'GET', ['versions', '4'])).toEqual({ id: '4' })
    expect(matchEndpoint(endpoints, 'GET', ['file', 'a.jpg'])).toEqual({ filename: 'a.jpg' })
    expect(matchEndpoint(endpoints, 'POST', ['access'])).toEqual({})
    expect(matchEndpoint(endpoints, 'POST', ['access', '3'])).toEqual({ id: '3' })
    expect(matchEndpoint(endpoints, 'GET', ['a', 'b', 'c'])).toBeNull()
    expect(matchEndpoint(endpoints, 'DELETE', ['1'])).toBeNull()
  })

  it('answers an id of the wrong shape with 404 and a message', () => {
    expect(findPathProblem({ id: 'abc' }, 'number', 'articles')).toEqual({ status: 404, message: 'articles: "abc" is not an id (ids here are whole numbers).' })
    expect(findPathProblem({ id: '3' }, 'number', 'articles')).toBeNull()
  })

  it.each(['\u0000', 'a\nb.jpg', '../secret', 'a\\b', '..', '.'])('refuses the file name %j with 400', (name) => {
    expect(findPathProblem({ filename: name }, 'number', 'media')).toMatchObject({ status: 400, message: expect.stringMatching(/is not a file name/) })
  })

  it('accepts unicode file names', () => {
    expect(findPathProblem({ filename: 'Пекин фото.jpg' }, 'number', 'media')).toBeNull()
  })
})

describe('query parameters of a shape or size Payload cannot handle', () => {
  it.each([{}, { limit: '0' }, { limit: '1000', page: '3' }, { select: { title: 'true' } }, { joins: 'false' }, { locale: 'en', draft: 'true' }, { page: '' }])('accepts %j', (query) => {
    expect(findQueryParamProblem(query)).toBeNull()
  })
  it.each([
    [{ limit: { x: '1' } }, /limit takes one value/],
    [{ depth: ['1'] }, /depth takes one value/],
    [{ locale: { a: 'b' } }, /locale takes one value/],
    [{ select: 'title' }, /select names fields/],
    [{ populate: ['x'] }, /populate names fields/],
    [{ page: '99999999999999999999' }, /page must be a whole number from 1 to 1000000/],
    [{ page: '2.5' }, /page must be/],
    [{ page: '0' }, /page must be/],
    [{ limit: '99999999999999999999' }, /limit must be a whole number from 0 to 1000000/],
    [{ limit: '-1' }, /limit must be/],
  ])('refuses %j', (query, message) => {
    expect(findQueryParamProblem(query)).toMatch(message)
  })
})

describe('page limits for anonymous callers', () => {
  const limits = { maxLimit: 100, maxDepth: 3 }
  it.each([{}, { limit: '1' }, { limit: '100', depth: '3', page: '9' }, { depth: '0' }, { pagination: 'true' }])('accepts %j', (query) => {
    expect(findPageLimitProblem(query, limits)).toBeNull()
  })
  it.each([
    [{ limit: '1000000' }, /limit must be a whole number from 1 to 100/],
    [{ limit: '0' }, /limit must be/],
    [{ limit: '-5' }, /limit must be/],
    [{ limit: 'lots' }, /limit must be/],
    [{ limit: ['5', '6'] }, /limit must be/],
    [{ pagination: 'false' }, /pagination=false is for signed-in users/],
    [{ depth: '100' }, /depth must be a whole number from 0 to 3/],
    [{ depth: '4' }, /depth must be/],
  ])('refuses %j', (query, message) => {
    expect(findPageLimitProblem(query, limits)).toMatch(message)
  })
})

describe('GraphQL limits', () => {
  const schema = buildSchema(`
    type License { spdxId: String }
    type Media { license: License, alt: String }
    type Article { headline: String, heroImage: Media }
    type Articles { docs: [Article], totalDocs: Int }
    type Query { Articles(limit: Int, page: Int, pagination: Boolean): Articles }
  `)
  const rules = graphQLLimitRules({ maxDepth: 4, maxAliases: 10, maxLimit: 100 })
  const errorsOf = (query: string, variableValues?: Record<string, unknown>) => validate(schema, parse(query), rules({ variableValues })).map((error) => error.message)

  it('passes an ordinary query', () => {
    expect(errorsOf('{ Articles(limit: 10) { docs { headline heroImage { alt } } } }')).toEqual([])
  })

  it('refuses 300 aliased copies of one query', () => {
    const aliased = Array.from({ length: 300 }, (_, index) => `a${index}: Articles { totalDocs }`).join(' ')
    expect(errorsOf(`{ ${aliased} }`).join(' ')).toMatch(/aliases/i)
  })

  it('refuses a query nested deeper than allowed', () => {
    expect(errorsOf('{ Articles { docs { heroImage { license { spdxId } } } } }').join(' ')).toMatch(/depth/i)
  })

  it('refuses page sizes beyond the limit, literal or in variables, and pagination: false', () => {
    expect(errorsOf('{ Articles(limit: 1000000) { totalDocs } }')).toEqual(['limit must be from 1 to 100; use page for more.'])
    expect(errorsOf('{ Articles(limit: 0) { totalDocs } }')).toHaveLength(1)
    expect(errorsOf('query($n: Int) { Articles(limit: $n) { totalDocs } }', { n: 5000 })).toHaveLength(1)
    expect(errorsOf('query($n: Int) { Articles(limit: $n) { totalDocs } }', { n: 50 })).toEqual([])
    expect(errorsOf('{ Articles(pagination: false) { totalDocs } }')[0]).toMatch(/pagination: false is not allowed/)
  })
})

describe('public CORS', () => {
  const trusted = ['https://news.example.com', 'https://apps.example.com']
  // Stands in for Payload, which answers trusted origins itself (with credentials).
  const payload = async (request: Request) => {
    const origin = request.headers.get('origin')
    const headers: Record<string, string> = origin && trusted.includes(origin) ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' } : {}
    return Response.json({ ok: true }, { status: 200, headers })
  }
  const handler = withPublicCors(payload, trusted)
  const call = (method: string, headers: Record<string, string> = {}) => handler(new Request('http://x/api/articles', { method, headers }), {})

  it('lets any origin read public GETs, without credentials', async () => {
    for (const headers of [{ origin: 'https://elsewhere.example' }, {}] as Array<Record<string, string>>) {
      const response = await call('GET', headers)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(response.headers.get('access-control-allow-credentials')).toBeNull()
      expect(await response.json()).toEqual({ ok: true })
    }
    const preflight = await call('OPTIONS', { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' })
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('keeps credentials for configured origins only', async () => {
    const response = await call('GET', { origin: 'https://apps.example.com' })
    expect(response.headers.get('access-control-allow-origin')).toBe('https://apps.example.com')
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
    expect(response.headers.get('vary')).toContain('Origin')
  })

  it('gives writes from other origins no CORS headers', async () => {
    for (const method of ['POST', 'PATCH', 'DELETE']) {
      expect((await call(method, { origin: 'https://elsewhere.example' })).headers.get('access-control-allow-origin')).toBeNull()
    }
    const preflight = await call('OPTIONS', { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('auth cookies', () => {
  it('are Secure on https and SameSite=Lax, keeping the collection’s other auth settings', () => {
    const users = { slug: 'users', auth: { maxLoginAttempts: 5 }, fields: [] }
    expect(withAuthCookies(users, { secure: true }).auth).toEqual({ maxLoginAttempts: 5, cookies: { secure: true, sameSite: 'Lax' } })
    expect(withAuthCookies(users, { secure: false }).auth).toMatchObject({ cookies: { secure: false } })
  })
})

describe('login account', () => {
  const login = (body: BodyInit, contentType?: string) => new Request('http://x/api/users/login', { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} })

  it('reads the e-mail from JSON, forms and Payload’s admin form, and leaves the body unread', async () => {
    const json = login('{"email":" Editor@Example.com ","password":"x"}', 'application/json')
    expect(await accountOf(json)).toBe('editor@example.com')
    expect(await json.json()).toEqual({ email: ' Editor@Example.com ', password: 'x' })
    expect(await accountOf(login(new URLSearchParams({ email: 'a@example.com' })))).toBe('a@example.com')
    const admin = new FormData()
    admin.append('_payload', JSON.stringify({ email: 'b@example.com', password: 'x' }))
    expect(await accountOf(login(admin))).toBe('b@example.com')
  })

  it('reads the e-mails of GraphQL login and forgot-password mutations, literal or variable', async () => {
    const graphql = (body: unknown) => login(JSON.stringify(body), 'application/json')
    expect(await graphQLAccountRequests(graphql({ query: 'mutation { loginUser(email: "A@example.com", password: "x") { token } }' }))).toEqual([{ action: 'login', account: 'a@example.com' }])
    expect(
      await graphQLAccountRequests(graphql({ query: 'mutation($e: String!) { a: loginUser(email: $e, password: "x") { token } b: loginUser(email: "b@example.com", password: "y") { token } }', variables: { e: 'c@example.com' } })),
    ).toEqual([
      { action: 'login', account: 'c@example.com' },
      { action: 'login', account: 'b@example.com' },
    ])
    expect(await graphQLAccountRequests(graphql({ query: 'mutation { forgotPasswordUser(email: "D@example.com") }' }))).toEqual([{ action: 'forgot-password', account: 'd@example.com' }])
    expect(await graphQLAccountRequests(graphql({ query: '{ Articles { docs { headline } } }' }))).toEqual([])
    expect(await graphQLAccountRequests(graphql({ query: 'mutation { loginUser(' }))).toEqual([])
    expect(await graphQLAccountRequests(login('not json', 'application/json'))).toEqual([])
  })

  it('finds none in a body without one', async () => {
    expect(await accountOf(login('not json', 'application/json'))).toBeNull()
    expect(await accountOf(login('{"email":42}', 'application/json'))).toBeNull()
  })
})

describe('Express in production', () => {
  const servers: http.Server[] = []
  afterEach(() => {
    for (const server of servers.splice(0)) server.close()
  })

  async function start(isHttps: boolean): Promise<string> {
    const app = createApp({
      logger: pino({ level: 'silent' }),
      isProduction: true,
      isHttps,
      checkHealth: async () => ({ status: 'ok', app: { status: 'ok', uptimeSeconds: 1 }, database: { status: 'ok', engine: 'sqlite', latencyMs: 1 } }),
      handleWithNext: async (_req, res) => void res.end('next'),
    })
    const server = http.createServer(app)
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  it('sends HSTS only when the public origin is https', async () => {
    expect((await fetch(`${await start(true)}/`)).headers.get('strict-transport-security')).toBe('max-age=31536000')
    expect((await fetch(`${await start(false)}/`)).headers.get('strict-transport-security')).toBeNull()
  })

  it('answers a path with broken percent-encoding with a JSON 400, not an HTML page', async () => {
    const base = await start(false)
    for (const path of ['/api/media/file/%zz', '/articles/%E0%A4%A']) {
      const response = await fetch(`${base}${path}`)
      expect(response.status).toBe(400)
      expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/Failed to decode/)
    }
  })
})
