import { describe, expect, it } from '@jest/globals'

import { composeCrop, toRegion } from '../../../src/lib/images/cropRegion'
import { createFileVersion, mediaFileUrl, mediaFileVersion, withFileUrls } from '../../../src/lib/images/fileUrls'
import { pictureSources } from '../../../src/lib/images/pictureSources'

describe('file versions and URLs', () => {
  it('changes the version when any byte of any file changes, and only then', () => {
    const files = [Buffer.from('original'), Buffer.from('size')]
    expect(mediaFileVersion(files)).toBe(mediaFileVersion([Buffer.from('original'), Buffer.from('size')]))
    expect(mediaFileVersion(files)).not.toBe(mediaFileVersion([Buffer.from('original'), Buffer.from('sizf')]))
    expect(mediaFileVersion([Buffer.from('ab'), Buffer.from('c')])).not.toBe(mediaFileVersion([Buffer.from('a'), Buffer.from('bc')]))
    expect(mediaFileVersion(files)).toMatch(/^[\w-]{12}$/)
  })

  it('gives the same version whether the files are hashed all at once or one at a time as written', () => {
    const files = [Buffer.from('original'), Buffer.from('size'), Buffer.from('')]
    const version = createFileVersion()
    for (const file of files) version.add(file)
    expect(version.digest()).toBe(mediaFileVersion(files))
    // A file let go once hashed (see releaseBuffer.ts) changes nothing.
    const released = createFileVersion()
    for (const file of [Buffer.alloc(8192, 1), Buffer.alloc(8192, 2)]) {
      released.add(file)
      structuredClone(file.buffer, { transfer: [file.buffer] })
    }
    expect(released.digest()).toBe(mediaFileVersion([Buffer.alloc(8192, 1), Buffer.alloc(8192, 2)]))
  })

  it('builds same-origin URLs, versioned once there is a version', () => {
    expect(mediaFileUrl('Фото 1.jpg', 'abc')).toBe('/api/media/file/%D0%A4%D0%BE%D1%82%D0%BE%201.jpg?v=abc')
    expect(mediaFileUrl('photo.jpg', null)).toBe('/api/media/file/photo.jpg')
  })

  it('rewrites url, thumbnailURL and every size’s url of a document', () => {
    const doc = withFileUrls({
      filename: 'p.jpg',
      fileVersion: 'v1',
      url: 'http://localhost:3000/api/media/file/p.jpg',
      thumbnailURL: null,
      sizes: { w320: { filename: 'p-w320.jpg', url: 'http://localhost:3000/api/media/file/p-w320.jpg' }, w480: { filename: null, url: null }, _uuid: undefined },
    })
    expect(doc).toMatchObject({ url: '/api/media/file/p.jpg?v=v1', thumbnailURL: '/api/media/file/p-w320.jpg?v=v1' })
    expect(doc.sizes).toEqual({ w320: { filename: 'p-w320.jpg', url: '/api/media/file/p-w320.jpg?v=v1' }, w480: { filename: null, url: null } })
  })
})

describe('<picture> sources', () => {
  const size = (width: number, ext: string, mimeType: string) => ({ url: `/f-w${width}.${ext}`, width, mimeType })

  it('lists AVIF, WebP, then the upload’s format, each over every width', () => {
    const sizes = Object.fromEntries(
      [320, 480, 768, 1024, 1600].flatMap((w) => [
        [`w${w}`, size(w, 'jpg', 'image/jpeg')],
        [`w${w}_avif`, size(w, 'avif', 'image/avif')],
        [`w${w}_webp`, size(w, 'webp', 'image/webp')],
      ]),
    )
    const sources = pictureSources(sizes)
    expect(sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp', 'image/jpeg'])
    expect(sources[0]!.srcset).toBe('/f-w320.avif 320w, /f-w480.avif 480w, /f-w768.avif 768w, /f-w1024.avif 1024w, /f-w1600.avif 1600w')
  })

  it('lists a WebP upload’s files once, and leaves out formats without files', () => {
    const sizes = { w320: size(320, 'webp', 'image/webp'), w320_webp: size(320, 'webp', 'image/webp') }
    expect(pictureSources(sizes)).toEqual([{ type: 'image/webp', srcset: '/f-w320.webp 320w' }])
    expect(pictureSources(null)).toEqual([])
  })
})

describe('crop regions in the kept upload', () => {
  it('places a first crop in the upload’s pixels', () => {
    expect(composeCrop(null, { width: 1200, height: 800 }, { x: 25, y: 10, widthInPixels: 600, heightInPixels: 400 })).toEqual({ left: 300, top: 80, width: 600, height: 400 })
  })

  it('composes a crop of a crop', () => {
    const first = { left: 300, top: 80, width: 600, height: 400 }
    expect(composeCrop(first, { width: 600, height: 400 }, { x: 50, y: 50, widthInPixels: 200, heightInPixels: 100 })).toEqual({ left: 600, top: 280, width: 200, height: 100 })
  })

  it('refuses a crop outside the image', () => {
    expect(() => composeCrop(null, { width: 100, height: 100 }, { x: 100, y: 0, widthInPixels: 10, heightInPixels: 10 })).toThrow(RangeError)
  })

  it('reads a stored region, or none', () => {
    expect(toRegion({ left: 0, top: 0, width: 10, height: 5 })).toEqual({ left: 0, top: 0, width: 10, height: 5 })
    expect(toRegion({ left: null, top: null, width: null, height: null })).toBeNull()
  })
})
