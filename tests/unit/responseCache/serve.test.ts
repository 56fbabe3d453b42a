import { createHook } from 'node:async_hooks'
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from '@jest/globals'

import { setPreparedHead } from '../../../src/server/responseCache/preparedHead'
import { hitHeaders, serveEntry } from '../../../src/server/responseCache/serve'
import type { CachedResponse } from '../../../src/server/responseCache/store'

const storedAt = 1_700_000_000_000

function entry(): CachedResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=0, must-revalidate', link: ['</a.css>; rel=preload', '</b.css>; rel=preload'] },
    bodies: { identity: Buffer.from('<html>hello</html>'), gzip: Buffer.from('gz'), br: Buffer.from('b') },
    etags: { identity: '"abc"', gzip: '"abc-gzip"', br: '"abc-br"' },
    tags: ['site'],
    storedAt,
  }
}

const asObject = (list: Array<string | string[]>) => Object.fromEntries(Array.from({ length: list.length / 2 }, (_, index) => [list[index * 2], list[index * 2 + 1]]))

describe('hitHeaders', () => {
  it("lists the entry's headers with the encoding's ETag, length and Content-Encoding, and its age", () => {
    const cached = entry()
    expect(asObject(hitHeaders(cached, 'br', storedAt + 2500))).toEqual({
      ...cached.headers,
      etag: '"abc-br"',
      'x-cache': 'HIT',
      age: '2',
      'content-encoding': 'br',
      'content-length': '1',
    })
    expect(asObject(hitHeaders(cached, 'identity', storedAt + 2500))).toMatchObject({ etag: '"abc"', 'content-length': '18' })
    expect(asObject(hitHeaders(cached, 'identity', storedAt + 2500))['content-encoding']).toBeUndefined()
  })

  it('is made once per entry, encoding and second of age, not on every hit', () => {
    const cached = entry()
    const first = hitHeaders(cached, 'br', storedAt + 100)
    expect(hitHeaders(cached, 'br', storedAt + 900)).toBe(first)
    const later = hitHeaders(cached, 'br', storedAt + 1100)
    expect(later).not.toBe(first)
    expect(asObject(later).age).toBe('1')
    // Another entry with the same content keeps its own list.
    expect(hitHeaders(entry(), 'br', storedAt + 1100)).not.toBe(later)
  })
})

describe('serveEntry', () => {
  let server: http.Server | undefined
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

  async function serve(before: (res: http.ServerResponse) => void): Promise<string> {
    const cached = entry()
    server = http.createServer((req, res) => {
      before(res)
      serveEntry(req, res, cached)
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  }

  function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      http
        .get(url, { headers, agent: false }, (response) => {
          let body = ''
          response.on('data', (chunk: Buffer) => (body += chunk.toString()))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
        })
        .on('error', reject)
    })
  }

  it('keeps a header set before it (Connection: close while shutting down) and sends every header of the hit', async () => {
    const url = await serve((res) => res.setHeader('Connection', 'close'))
    const hit = await get(url, { 'accept-encoding': 'identity' })
    expect(hit).toMatchObject({ status: 200, body: '<html>hello</html>' })
    expect(hit.headers).toMatchObject({ connection: 'close', etag: '"abc"', 'x-cache': 'HIT', 'content-length': '18', 'content-type': 'text/html; charset=utf-8' })
    expect(hit.headers.link).toBe('</a.css>; rel=preload, </b.css>; rel=preload')
  })

  it('answers a matching If-None-Match with a 304 without body headers', async () => {
    const url = await serve(() => undefined)
    const notModified = await get(url, { 'accept-encoding': 'br', 'if-none-match': '"abc-br"' })
    expect(notModified.status).toBe(304)
    expect(notModified.headers).toMatchObject({ etag: '"abc-br"', 'cache-control': 'public, max-age=0, must-revalidate' })
    expect(notModified.headers['content-type']).toBeUndefined()
    expect(notModified.headers['content-encoding']).toBeUndefined()
  })

  /** Sends each request on one keep-alive connection after the previous answer (`length` bytes each) has arrived. */
  async function sendInTurn(url: string, requests: string[], length: number): Promise<string[]> {
    const socket = net.connect(Number(new URL(url).port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    const answers: string[] = []
    let received = ''
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')))
    for (const request of requests) {
      received = ''
      socket.write(request)
      while (!received.includes('\r\n\r\n') || received.length - received.indexOf('\r\n\r\n') - 4 < length) await new Promise((resolve) => setTimeout(resolve, 1))
      answers.push(received)
    }
    socket.destroy()
    return answers
  }

  const GET = 'GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: identity\r\n\r\n'

  it("drops a request's body (it is never read) and answers the next request on the same connection", async () => {
    const url = await serve(() => undefined)
    const body = 'x'.repeat(1024 * 1024)
    const withBody = `GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: identity\r\nContent-Length: ${body.length}\r\n\r\n${body}`
    const answers = await sendInTurn(url, [withBody, GET], 18)
    expect(answers).toHaveLength(2)
    for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*<html>hello<\/html>$/)
  })

  it("costs fewer process.nextTick calls than Node's own handling of an unread request (each runs Next's async hook)", async () => {
    const ticksPerRequest = async (handler: http.RequestListener): Promise<number> => {
      server = http.createServer(handler)
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
      await sendInTurn(url, [GET], 18)
      let ticks = 0
      const hook = createHook({ init: (_id, type) => void (type === 'TickObject' && (ticks += 1)) }).enable()
      await sendInTurn(url, Array.from({ length: 50 }, () => GET), 18)
      hook.disable()
      await new Promise<void>((resolve) => server!.close(() => resolve()))
      server = undefined
      return ticks / 50
    }
    const cached = entry()
    const bare = await ticksPerRequest((_req, res) => {
      res.writeHead(200, { 'content-length': '18' })
      res.end('<html>hello</html>')
    })
    const hit = await ticksPerRequest((req, res) => void serveEntry(req, res, cached))
    expect(hit).toBeLessThanOrEqual(bare - 5)
  })

  /** Each request in turn on one connection, each answer read whole (by its Content-Length; none after HEAD); Date lines blanked. */
  async function exchange(setUp: (server: http.Server) => void, handler: http.RequestListener, requests: string[]): Promise<string[]> {
    server = http.createServer(handler)
    setUp(server)
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    let received = ''
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')))
    const answers: string[] = []
    const complete = (request: string) => {
      const end = received.indexOf('\r\n\r\n')
      if (end === -1) return false
      const length = request.startsWith('HEAD') ? 0 : Number(/content-length: (\d+)/i.exec(received.slice(0, end))?.[1] ?? 0)
      return received.length >= end + 4 + length
    }
    for (const request of requests) {
      received = ''
      socket.write(request)
      while (!complete(request)) await new Promise((resolve) => setTimeout(resolve, 1))
      answers.push(received.replace(/\r\nDate: [^\r]+/, '\r\nDate: (now)'))
    }
    socket.destroy()
    await new Promise<void>((resolve) => server!.close(() => resolve()))
    server = undefined
    return answers
  }

  const HEAD = 'HEAD / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\n\r\n'
  const CLOSE = 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'
  const OLD = 'GET / HTTP/1.0\r\nHost: x\r\n\r\n'

  it.each([
    ['a kept-alive connection', () => undefined, [GET, HEAD, GET]],
    ['a shorter keep-alive and at most two requests per connection', (server: http.Server) => Object.assign(server, { keepAliveTimeout: 7000, maxRequestsPerSocket: 2 }), [GET, HEAD]],
    ['no keep-alive timeout', (server: http.Server) => Object.assign(server, { keepAliveTimeout: 0 }), [GET]],
    ['a client closing the connection', () => undefined, [CLOSE]],
    ['an HTTP/1.0 client', () => undefined, [OLD]],
  ])("a hit's head is byte for byte the one Node's writeHead makes: %s", async (_, setUp, requests) => {
    const cached = entry()
    const ours = await exchange(setUp, (req, res) => void serveEntry(req, res, cached), requests)
    const nodes = await exchange(
      setUp,
      (req, res) => {
        const encoding = req.headers['accept-encoding'] === 'br' ? 'br' : 'identity'
        res.writeHead(200, hitHeaders(cached, encoding))
        res.end(req.method === 'HEAD' ? undefined : cached.bodies[encoding])
      },
      requests,
    )
    expect(ours).toEqual(nodes)
    expect(ours[0]).toMatch(/^HTTP\/1\.1 200 OK\r\ncontent-type: text\/html; charset=utf-8\r\n[\s\S]*\r\nlink: <\/a\.css>; rel=preload\r\nlink: <\/b\.css>; rel=preload\r\n[\s\S]*\r\nDate: \(now\)\r\n/)
  })

  it('takes the prepared head on a kept-alive connection with no header set, and leaves every other case to writeHead', async () => {
    const taken: boolean[] = []
    const answer = (before: (res: http.ServerResponse) => void) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
      before(res)
      const prepared = setPreparedHead(res, 200, 'content-length: 2\r\n')
      taken.push(prepared)
      if (!prepared) res.writeHead(200, { 'content-length': '2' })
      res.end('ok')
    }
    await exchange(() => undefined, answer(() => undefined), [GET, GET, CLOSE])
    await exchange(() => undefined, answer(() => undefined), [OLD])
    await exchange(() => undefined, answer((res) => res.setHeader('Connection', 'close')), [GET])
    await exchange((server) => Object.assign(server, { maxRequestsPerSocket: 1 }), answer(() => undefined), [GET])
    expect(taken).toEqual([true, true, false, false, false, false])
  })
})
