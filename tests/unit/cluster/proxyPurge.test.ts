import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { describe, expect, it } from '@jest/globals'

import { createProxyPurgeTarget } from '../../../src/server/cluster/proxyPurge'

async function fakeProxy(status: number) {
  const received: Array<{ method?: string; url?: string; keys?: string | string[] }> = []
  const server = http.createServer((req, res) => {
    received.push({ method: req.method, url: req.url, keys: req.headers['xkey-purge'] })
    res.writeHead(status).end(status === 200 ? 'Purged 3' : 'Forbidden')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received, close: () => server.close() }
}

describe('proxy purge target', () => {
  it('sends one PURGE listing the tags in the xkey-purge header', async () => {
    const proxy = await fakeProxy(200)
    await createProxyPurgeTarget(proxy.url)(['article:a', 'articles', 'media:7'])
    expect(proxy.received).toEqual([{ method: 'PURGE', url: '/', keys: 'article:a articles media:7' }])
    proxy.close()
  })

  it('fails with the proxy’s answer when it refuses', async () => {
    const proxy = await fakeProxy(403)
    await expect(createProxyPurgeTarget(proxy.url)(['site'])).rejects.toThrow(/refused the purge: 403 Forbidden/)
    proxy.close()
  })
})
