import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { describe, expect, it } from '@jest/globals'
import express from 'express'
import { pino } from 'pino'

import { isUnstorable } from '../../src/server/responseCache/unstorable'
import { createSiteHeaders } from '../../src/server/siteHeaders'

async function serve(values: () => Record<string, string>) {
  let loads = 0
  const siteHeaders = createSiteHeaders(async () => {
    loads += 1
    return values()
  }, pino({ level: 'silent' }))
  const app = express()
  app.use(siteHeaders.middleware)
  app.use((_req, res) => void res.end(isUnstorable(res) ? 'not for keeping' : 'ok'))
  const server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, forget: siteHeaders.forget, loads: () => loads }
}

describe('createSiteHeaders', () => {
  it('puts the site’s headers on public documents only, reading the settings once until forgotten', async () => {
    let reserved = true
    const { base, server, forget, loads } = await serve((): Record<string, string> => (reserved ? { 'tdm-reservation': '1' } : {}))
    for (const path of ['/', '/articles/a', '/feed.xml', '/robots.txt']) expect((await fetch(`${base}${path}`)).headers.get('tdm-reservation')).toBe('1')
    for (const path of ['/api/articles', '/admin', '/_next/static/x.js', '/healthz', '/preview/articles/a']) expect((await fetch(`${base}${path}`)).headers.get('tdm-reservation')).toBeNull()
    expect(loads()).toBe(1)
    reserved = false
    expect((await fetch(`${base}/`)).headers.get('tdm-reservation')).toBe('1')
    forget()
    expect((await fetch(`${base}/`)).headers.get('tdm-reservation')).toBeNull()
    expect(loads()).toBe(2)
    server.close()
  })

  it('sends the page without them when the settings cannot be read, marked not for keeping, and reads them again next time', async () => {
    let failing = true
    const { base, server, loads } = await serve(() => {
      if (failing) throw new Error('database gone')
      return { 'tdm-reservation': '1' }
    })
    const degraded = await fetch(`${base}/`)
    expect(degraded.headers.get('tdm-reservation')).toBeNull()
    expect(await degraded.text()).toBe('not for keeping')
    failing = false
    const complete = await fetch(`${base}/`)
    expect(complete.headers.get('tdm-reservation')).toBe('1')
    expect(await complete.text()).toBe('ok')
    expect(loads()).toBe(2)
    server.close()
  })
})
