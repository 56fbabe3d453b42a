import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from '@jest/globals'
import { pino } from 'pino'

import { createMediaFiles, type MediaFiles } from '../../src/server/mediaFiles'

let server: http.Server | undefined
const dirs: string[] = []
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }))
})

async function start(publicNames: Set<string>): Promise<{ base: string; files: MediaFiles; passed: string[]; dir: string; lookups: () => number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-files-'))
  dirs.push(dir)
  fs.writeFileSync(path.join(dir, 'photo-w768.jpg'), Buffer.alloc(5000, 7))
  fs.writeFileSync(path.join(dir, 'embargoed.jpg'), Buffer.alloc(100, 1))
  let lookups = 0
  const passed: string[] = []
  const files = createMediaFiles({
    mediaDir: dir,
    isPublicFile: async (name) => {
      lookups += 1
      return publicNames.has(name)
    },
    logger: pino({ level: 'silent' }),
  })
  server = http.createServer((req, res) => {
    const toApp = () => {
      passed.push(req.url!)
      res.statusCode = 404
      res.end('from payload')
    }
    if (!files.handle(req, res, toApp)) toApp()
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, files, passed, dir, lookups: () => lookups }
}

function raw(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; length: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        let length = 0
        response.on('data', (chunk: Buffer) => (length += chunk.length))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, length }))
      })
      .on('error', reject)
  })
}

describe('public image files', () => {
  it('are served without the app, then from memory with the same validators, 304 and ranges', async () => {
    const { base, passed, lookups } = await start(new Set(['photo-w768.jpg']))
    const first = await raw(`${base}/api/media/file/photo-w768.jpg?v=abc`)
    expect(first).toMatchObject({ status: 200, length: 5000 })
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(first.headers['content-type']).toBe('image/jpeg')
    // The bytes are read into memory just after the first answer; both answers validate alike.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const second = await raw(`${base}/api/media/file/photo-w768.jpg`)
    expect(second.status).toBe(200)
    expect(second.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    expect(second.headers.etag).toBe(first.headers.etag)
    expect((await raw(`${base}/api/media/file/photo-w768.jpg`, { 'if-none-match': first.headers.etag! })).status).toBe(304)
    expect((await raw(`${base}/api/media/file/photo-w768.jpg`, { 'if-modified-since': first.headers['last-modified']! })).status).toBe(304)
    const range = await raw(`${base}/api/media/file/photo-w768.jpg`, { range: 'bytes=10-19' })
    expect(range).toMatchObject({ status: 206, length: 10 })
    expect(passed).toEqual([])
    expect(lookups()).toBe(1)
  })

  it('leaves embargoed, missing and oddly named files, and editors, to the app', async () => {
    const { base, passed } = await start(new Set(['missing.jpg']))
    for (const name of ['embargoed.jpg', 'missing.jpg', '..%2Fsecret', '%00', 'a%2Fb.jpg']) expect((await raw(`${base}/api/media/file/${name}`)).status).toBe(404)
    expect((await raw(`${base}/api/media/file/embargoed.jpg`, { cookie: 'payload-token=x' })).status).toBe(404)
    expect(passed).toEqual(['/api/media/file/embargoed.jpg', '/api/media/file/missing.jpg', '/api/media/file/..%2Fsecret', '/api/media/file/%00', '/api/media/file/a%2Fb.jpg', '/api/media/file/embargoed.jpg'])
  })

  it('asks again, and reads the bytes again, after a purge (files are rewritten in place)', async () => {
    const { base, files, dir, lookups } = await start(new Set(['photo-w768.jpg']))
    const before = await raw(`${base}/api/media/file/photo-w768.jpg`)
    await new Promise((resolve) => setTimeout(resolve, 50))
    fs.writeFileSync(path.join(dir, 'photo-w768.jpg'), Buffer.alloc(6000, 9))
    files.forget()
    await raw(`${base}/api/media/file/photo-w768.jpg`)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const after = await raw(`${base}/api/media/file/photo-w768.jpg`)
    expect(after.length).toBe(6000)
    expect(after.headers.etag).not.toBe(before.headers.etag)
    expect(lookups()).toBe(2)
  })
})
