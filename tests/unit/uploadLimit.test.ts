import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from '@jest/globals'

import { createUploadLimit, isUpload } from '../../src/server/uploadLimit'

describe('isUpload', () => {
  it('is a multipart POST or PATCH to the media collection, nothing else', () => {
    const multipart = { 'content-type': 'multipart/form-data; boundary=x' }
    expect(isUpload({ method: 'POST', url: '/api/media', headers: multipart })).toBe(true)
    expect(isUpload({ method: 'PATCH', url: '/api/media/4?depth=0', headers: multipart })).toBe(true)
    expect(isUpload({ method: 'PATCH', url: '/api/media/4', headers: { 'content-type': 'application/json' } })).toBe(false)
    expect(isUpload({ method: 'POST', url: '/api/articles', headers: multipart })).toBe(false)
    expect(isUpload({ method: 'GET', url: '/api/media', headers: {} })).toBe(false)
  })
})

describe('createUploadLimit', () => {
  let server: http.Server | undefined
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

  it('lets two uploads in at a time, the rest wait their turn; other requests never wait', async () => {
    let inFlight = 0
    let most = 0
    const limit = createUploadLimit(2)
    server = http.createServer((req, res) =>
      limit(req, res, () => {
        const upload = req.method === 'POST'
        if (upload) most = Math.max(most, (inFlight += 1))
        req.resume()
        req.on('end', () =>
          setTimeout(() => {
            if (upload) inFlight -= 1
            res.end(req.method)
          }, 100),
        )
      }),
    )
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const upload = () => {
      const form = new FormData()
      form.append('file', new Blob(['x']), 'x.jpg')
      return fetch(`${base}/api/media`, { method: 'POST', body: form })
    }
    const started = Date.now()
    const uploads = Promise.all(Array.from({ length: 6 }, upload))
    await new Promise((resolve) => setTimeout(resolve, 20))
    // A page read is not queued behind the uploads.
    expect(await (await fetch(`${base}/`)).text()).toBe('GET')
    expect(Date.now() - started).toBeLessThan(250)
    expect((await uploads).every((response) => response.status === 200)).toBe(true)
    expect(most).toBe(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
  })
})
