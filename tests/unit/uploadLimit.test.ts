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
    // Uploads hold their slot until the page read has been answered: a page read queued behind them would never end.
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let arrived!: () => void
    const twoAdmitted = new Promise<void>((resolve) => (arrived = resolve))
    const limit = createUploadLimit(2)
    server = http.createServer((req, res) =>
      limit(req, res, () => {
        if (req.method !== 'POST') return void res.end(req.method)
        most = Math.max(most, (inFlight += 1))
        if (inFlight === 2) arrived()
        req.resume()
        req.on('end', () =>
          void released.then(() => {
            inFlight -= 1
            res.end(req.method)
          }),
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
    const uploads = Promise.all(Array.from({ length: 6 }, upload))
    await twoAdmitted
    expect(await (await fetch(`${base}/`)).text()).toBe('GET')
    expect(inFlight).toBe(2)
    release()
    expect((await uploads).every((response) => response.status === 200)).toBe(true)
    expect(most).toBe(2)
  })
})
