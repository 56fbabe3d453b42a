import { afterAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { paragraphsToLexical } from '../../src/lib/richText'
import { cameraPhoto } from '../../src/ops/load/cameraPhoto'
import { adminToken, authHeaders, baseUrl, get, getJson, pngBlob, untilFilesWritten, uploadForm } from '../support/http'

type Size = { url: string; width: number; mimeType: string }
type MediaDoc = { id: number | string; url: string; fileVersion: string; sizes: Record<string, Size>; sources: Array<{ type: string; srcset: string }> }

const STAND_IN = 'xi-putin-beijing-stand-in.jpg'
const versionOf = (url: string) => new URL(url, baseUrl()).searchParams.get('v')

const created: Array<MediaDoc['id']> = []

afterAll(async () => {
  const token = await adminToken()
  for (const id of created) await fetch(`${baseUrl()}/api/media/${id}`, { method: 'DELETE', headers: authHeaders(token) })
})

/** As the newsroom sees it: a new upload stays private until an article using it is published. */
async function mediaById(id: MediaDoc['id']): Promise<MediaDoc> {
  return (await getJson<MediaDoc>(`/api/media/${id}`, { headers: authHeaders(await adminToken()) })).body
}

const untilWritten = (id: MediaDoc['id']) => untilFilesWritten<MediaDoc>(id)

async function uploadJpeg(name: string, extra: Record<string, unknown> = {}): Promise<MediaDoc & { thumbnailURL: string | null }> {
  const { docs } = (await (await get('/api/licenses?where[spdxId][equals]=CC-BY-4.0')).json()) as { docs: Array<{ id: number | string }> }
  const photo = new Blob([new Uint8Array(await cameraPhoto({ width: 1600, height: 1000 }))], { type: 'image/jpeg' })
  const response = await fetch(`${baseUrl()}/api/media`, { method: 'POST', headers: authHeaders(await adminToken()), body: uploadForm(photo, name, { alt: name, creator: 'Camera Person', license: docs[0]!.id, ...extra }) })
  expect(response.status).toBe(201)
  const { doc } = (await response.json()) as { doc: MediaDoc & { thumbnailURL: string | null } }
  created.push(doc.id)
  return doc
}

describe('media file URLs', () => {
  it('are same-origin and carry the files’ version, in url, every size and the <picture> sources', async () => {
    const { body } = await getJson<{ docs: MediaDoc[] }>(`/api/media?where[filename][equals]=${STAND_IN}`)
    const doc = body.docs[0]!
    expect(doc.url).toBe(`/api/media/file/${STAND_IN}?v=${doc.fileVersion}`)
    expect(Object.keys(doc.sizes)).toHaveLength(15)
    for (const size of Object.values(doc.sizes)) expect(size.url).toMatch(new RegExp(`^/api/media/file/[^/?]+\\?v=${doc.fileVersion}$`))
    expect(doc.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp', 'image/jpeg'])

    const response = await get(doc.sizes.w768_avif!.url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/avif')
    const { xmp, format } = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
    expect(format).toBe('heif')
    expect(String(xmp)).toContain('https://creativecommons.org/licenses/by/4.0/')
  })
})

describe('uploads through REST', () => {
  it('return with the credited thumbnail only; the job runner writes every size within 15 s', async () => {
    const token = await adminToken()
    const doc = await uploadJpeg('later.jpg')
    expect(doc.fileVersion).toBeNull()
    expect(Object.values(doc.sizes).filter((size) => size.url)).toHaveLength(1)
    const thumbnail = await get(doc.thumbnailURL!, { headers: authHeaders(token) })
    expect(thumbnail.status).toBe(200)
    expect(String((await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).xmp)).toContain('Camera Person')

    const written = await untilWritten(doc.id)
    expect(written.fileVersion).toBeTruthy()
    for (const url of [written.url, ...Object.values(written.sizes).map((size) => size.url)]) expect((await get(url, { headers: authHeaders(token) })).status).toBe(200)
  })

  it('a photo published the moment it is uploaded has every size for readers: none 404s', async () => {
    const token = await adminToken()
    const doc = await uploadJpeg('breaking.jpg')
    const slug = `breaking-${Date.now()}`
    const article = await fetch(`${baseUrl()}/api/articles`, {
      method: 'POST',
      headers: authHeaders(token, { 'content-type': 'application/json' }),
      body: JSON.stringify({ headline: 'Breaking', slug, body: paragraphsToLexical(['Just in.']), heroImage: doc.id, _status: 'published' }),
    })
    expect(article.status).toBe(201)
    const published = (await getJson<MediaDoc>(`/api/media/${doc.id}`)).body
    expect(Object.keys(published.sizes)).toHaveLength(15)
    const statuses = await Promise.all([published.url, ...Object.values(published.sizes).map((size) => size.url)].map(async (url) => (await get(url)).status))
    expect(statuses).toEqual(Array(16).fill(200))
    expect((await get(`/articles/${slug}`)).status).toBe(200)
  })

  it('refuses an SVG with a 400 and a reason a person understands', async () => {
    const token = await adminToken()
    const { docs } = (await (await get('/api/licenses?limit=1')).json()) as { docs: Array<{ id: number | string }> }
    const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], { type: 'image/svg+xml' })
    const response = await fetch(`${baseUrl()}/api/media`, { method: 'POST', headers: authHeaders(token), body: uploadForm(svg, 'logo.svg', { alt: 'Logo', license: docs[0]!.id }) })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toContain('SVG, HTML and other files are not accepted')
  })

  it('answers a credit change at once; the server’s job runner rewrites the files and the URL version moves', async () => {
    const token = await adminToken()
    const { docs } = (await (await get('/api/licenses?where[spdxId][equals]=CC-BY-4.0')).json()) as { docs: Array<{ id: number | string }> }
    const response = await fetch(`${baseUrl()}/api/media`, {
      method: 'POST',
      headers: authHeaders(token),
      body: uploadForm(await pngBlob(400, 300), 'rewrite-me.png', { alt: 'Rewrite me', creator: 'First Name', license: docs[0]!.id }),
    })
    created.push(((await response.json()) as { doc: MediaDoc }).doc.id)
    const doc = await untilWritten(created.at(-1)!)
    const patched = await fetch(`${baseUrl()}/api/media/${doc.id}`, { method: 'PATCH', headers: authHeaders(token, { 'content-type': 'application/json' }), body: JSON.stringify({ creator: 'Second Name' }) })
    expect(patched.status).toBe(200)
    expect(versionOf(((await patched.json()) as { doc: MediaDoc }).doc.url)).toBe(doc.fileVersion)

    let current = await mediaById(doc.id)
    for (let waited = 0; current.fileVersion === doc.fileVersion && waited < 30_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      current = await mediaById(doc.id)
    }
    expect(current.fileVersion).not.toBe(doc.fileVersion)
    const file = await get(current.sizes.w480_webp!.url, { headers: authHeaders(token) })
    expect(String((await sharp(Buffer.from(await file.arrayBuffer())).metadata()).xmp)).toContain('Second Name')
  })
})
