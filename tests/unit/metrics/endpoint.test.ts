import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from '@jest/globals'
import { Counter, Registry } from 'prom-client'

import { loadSettings } from '../../../src/config/settings'
import { closeServer, createMetricsHandler, hasBearer, metricsOnPublicPort, startMetricsServer } from '../../../src/server/metrics/endpoint'

const TOKEN = 'sixteen-or-more-characters'
const servers: http.Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await closeServer(server)
})

function registry(): Registry {
  const registry = new Registry()
  new Counter({ name: 'example_total', help: 'An example', registers: [registry] }).inc(3)
  return registry
}

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('metrics endpoint', () => {
  it('checks the bearer token exactly', () => {
    expect(hasBearer(`Bearer ${TOKEN}`, TOKEN)).toBe(true)
    expect(hasBearer(`bearer ${TOKEN}`, TOKEN)).toBe(true)
    expect(hasBearer(`Bearer ${TOKEN}x`, TOKEN)).toBe(false)
    expect(hasBearer(TOKEN, TOKEN)).toBe(false)
    expect(hasBearer(`Basic ${TOKEN}`, TOKEN)).toBe(false)
    expect(hasBearer(undefined, TOKEN)).toBe(false)
  })

  it('answers 401 without the token and the text format with it', async () => {
    const base = await listen(createMetricsHandler(registry(), TOKEN))
    const refused = await fetch(base)
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"')
    expect(((await refused.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/METRICS_TOKEN/)
    const scraped = await fetch(base, { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(scraped.status).toBe(200)
    expect(await scraped.text()).toContain('example_total 3')
  })

  it('is on the public port only with a token and no address of its own', () => {
    expect(metricsOnPublicPort({})).toBe(false)
    expect(metricsOnPublicPort({ token: TOKEN })).toBe(true)
    expect(metricsOnPublicPort({ token: TOKEN, address: { host: '127.0.0.1', port: 9464 } })).toBe(false)
    expect(metricsOnPublicPort({ address: { host: '127.0.0.1', port: 9464 } })).toBe(false)
  })

  it('serves GET /metrics alone on METRICS_ADDRESS, behind the token when there is one', async () => {
    expect(await startMetricsServer(registry(), {})).toBeUndefined()
    const open = await startMetricsServer(registry(), { address: { host: '127.0.0.1', port: 0 } })
    servers.push(open!)
    const openBase = `http://127.0.0.1:${(open!.address() as AddressInfo).port}`
    expect(await (await fetch(`${openBase}/metrics`)).text()).toContain('example_total 3')
    expect((await fetch(`${openBase}/`)).status).toBe(404)
    expect((await fetch(`${openBase}/metrics`, { method: 'POST' })).status).toBe(404)

    const guarded = await startMetricsServer(registry(), { token: TOKEN, address: { host: '127.0.0.1', port: 0 } })
    servers.push(guarded!)
    const guardedBase = `http://127.0.0.1:${(guarded!.address() as AddressInfo).port}`
    expect((await fetch(`${guardedBase}/metrics`)).status).toBe(401)
    expect((await fetch(`${guardedBase}/metrics?x=1`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200)
  })

  it('reads METRICS_TOKEN and METRICS_ADDRESS, refusing a short token or an address without a host', () => {
    expect(loadSettings({}, '/srv/app').metrics).toEqual({ token: undefined, address: undefined })
    expect(loadSettings({ METRICS_TOKEN: TOKEN, METRICS_ADDRESS: '127.0.0.1:9464' }, '/srv/app').metrics).toEqual({ token: TOKEN, address: { host: '127.0.0.1', port: 9464 } })
    expect(loadSettings({ METRICS_ADDRESS: '[::1]:9464' }, '/srv/app').metrics.address).toEqual({ host: '::1', port: 9464 })
    expect(() => loadSettings({ METRICS_TOKEN: 'short' }, '/srv/app')).toThrow(/METRICS_TOKEN: must be at least 16 characters/)
    expect(() => loadSettings({ METRICS_TOKEN: 'a token with spaces in it' }, '/srv/app')).toThrow(/METRICS_TOKEN: .*without spaces/)
    expect(() => loadSettings({ METRICS_ADDRESS: ':9464' }, '/srv/app')).toThrow(/METRICS_ADDRESS: must be host:port/)
    expect(() => loadSettings({ METRICS_ADDRESS: 'localhost:99999' }, '/srv/app')).toThrow(/METRICS_ADDRESS/)
  })
})
