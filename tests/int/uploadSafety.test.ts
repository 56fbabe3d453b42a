import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import type { License } from '../../src/payload-types'
import { createLicense, exiftool, filesOf, keptOriginalFile, mediaFile, pixelDigest, upload, writeQueuedImageFiles } from '../support/images'
import { usePayload } from '../support/usePayload'

// A low limit, so a real (not only a forged) oversized image can be tried quickly. Read when the config loads.
process.env.UPLOAD_MAX_PIXELS = '3000000'

const payload = usePayload()
let license: License

const LOCATION_TAGS = ['-a', '-G1', '-GPS:all', '-XMP-exif:all', '-XMP-photoshop:City', '-XMP-iptcCore:Location', '-IPTC:all', '-XMP-photoshop:Credit']

/** An image as a phone leaves it: with GPS coordinates and a place name in EXIF, XMP and IPTC. */
async function withLocation(image: Buffer, ext: string): Promise<Buffer> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gps-')), `photo.${ext}`)
  fs.writeFileSync(file, image)
  execFileSync('exiftool', ['-q', '-q', '-overwrite_original', '-GPSLatitude=55.752', '-GPSLatitudeRef=N', '-GPSLongitude=37.6175', '-GPSLongitudeRef=E', '-XMP-photoshop:City=Moscow', '-XMP-iptcCore:Location=Red Square', '-IPTC:City=Moscow', file])
  expect(locationTagsIn(file).length).toBeGreaterThan(3)
  const bytes = fs.readFileSync(file)
  fs.rmSync(path.dirname(file), { recursive: true })
  return bytes
}

function locationTagsIn(file: string): string[] {
  return Object.keys(exiftool(file, LOCATION_TAGS)).filter((tag) => /GPS|City|Location/i.test(tag))
}

const smooth = () => sharp({ create: { width: 480, height: 320, channels: 3, background: '#6a8' } })

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])))
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc])
}

/** A PNG of a few hundred bytes whose header claims 100,000 × 100,000 pixels (30 GB decoded). */
function decompressionBomb(): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(100_000, 0)
  header.writeUInt32BE(100_000, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(300_001 * 4))), pngChunk('IEND', Buffer.alloc(0))])
}

function tryUpload(data: Buffer, mimetype: string, name: string) {
  return payload().create({ collection: 'media', data: { alt: 'x', license: license.id }, file: { data, mimetype, name, size: data.length } })
}

async function mediaCount(): Promise<number> {
  return (await payload().count({ collection: 'media' })).totalDocs
}

beforeAll(async () => {
  license = await createLicense(payload())
})

describe('uploads a newsroom can trust', () => {
  it.each([
    ['jpg', () => smooth().jpeg({ quality: 90 }).toBuffer()],
    ['png', () => smooth().png().toBuffer()],
    ['webp', () => smooth().webp({ quality: 90 }).toBuffer()],
    ['avif', () => smooth().avif({ quality: 60 }).toBuffer()],
  ])('strips GPS and place names from every served %s file and from the kept original; the credit stays', async (ext, make) => {
    const data = await withLocation(await make(), ext)
    const doc = await upload(payload(), license, `located.${ext}`, data)
    for (const file of filesOf(doc)) {
      expect(locationTagsIn(mediaFile(file))).toEqual([])
      expect(exiftool(mediaFile(file), ['-XMP-photoshop:Credit'])).toMatchObject({ Credit: 'Photo: Jane Doe, CC BY 4.0' })
    }
    const kept = keptOriginalFile(doc.filename!)
    expect(locationTagsIn(kept)).toEqual([])
    // Stripping the location did not touch the picture.
    expect(await pixelDigest(kept)).toEqual(await pixelDigest(data))
  })

  it('keeps a JPEG’s orientation in the kept original, and serves it upright', async () => {
    const sideways = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#68a' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer()
    const doc = await upload(payload(), license, 'sideways.jpg', await withLocation(sideways, 'jpg'))
    expect((await sharp(keptOriginalFile(doc.filename!)).metadata()).orientation).toBe(6)
    expect([doc.width, doc.height]).toEqual([300, 400])
    expect(await sharp(mediaFile(doc.filename!)).metadata()).toMatchObject({ width: 300, height: 400 })
    expect(await payload().findByID({ collection: 'media', id: doc.id })).toMatchObject({ width: 300, height: 400 })
    expect(locationTagsIn(keptOriginalFile(doc.filename!))).toEqual([])
  })

  it('refuses a decompression bomb with a 400 saying how big it is', async () => {
    const before = await mediaCount()
    await expect(tryUpload(decompressionBomb(), 'image/png', 'bomb.png')).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('The image is 100000 × 100000 pixels'),
    })
    expect(await mediaCount()).toBe(before)
  })

  it('refuses a real image over the configured pixel limit, and accepts one under it', async () => {
    const big = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#888' } }).jpeg().toBuffer()
    await expect(tryUpload(big, 'image/jpeg', 'big.jpg')).rejects.toMatchObject({ status: 400, message: expect.stringContaining('the most accepted is 3 megapixels') })
    const fits = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#888' } }).jpeg().toBuffer()
    await expect(tryUpload(fits, 'image/jpeg', 'fits.jpg')).resolves.toMatchObject({ width: 1600 })
  })

  it.each([
    ['an SVG', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml', 'logo.svg', 'not a JPEG, PNG, WebP or AVIF image'],
    ['an SVG declared as PNG', '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>', 'image/png', 'logo.png', 'not a JPEG, PNG, WebP or AVIF image'],
    ['an HTML page', '<!doctype html><html><body><script>alert(1)</script></body></html>', 'text/html', 'page.html', 'not a JPEG, PNG, WebP or AVIF image'],
    ['an HTML page declared as JPEG', '<!doctype html><html><body>hi</body></html>', 'image/jpeg', 'page.jpg', 'not a JPEG, PNG, WebP or AVIF image'],
  ])('refuses %s by its content, with a 400', async (_label, content, mimetype, name, message) => {
    const before = await mediaCount()
    await expect(tryUpload(Buffer.from(content), mimetype, name)).rejects.toMatchObject({ status: 400, message: expect.stringContaining(message) })
    expect(await mediaCount()).toBe(before)
  })

  it('refuses polyglots: a real JPEG carrying a script, a PNG with a page glued on', async () => {
    const jpeg = await smooth().jpeg().toBuffer()
    const withScript = Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe, 0x00, 0x22]), Buffer.from('<script>alert(document.cookie)</'), jpeg.subarray(2)])
    expect((await sharp(withScript).metadata()).format).toBe('jpeg')
    await expect(tryUpload(withScript, 'image/jpeg', 'poly.jpg')).rejects.toMatchObject({ status: 400, message: expect.stringContaining('contains web page or script content') })
    const png = Buffer.concat([await smooth().png().toBuffer(), Buffer.from('<html><body><script>alert(1)</script>')])
    await expect(tryUpload(png, 'image/png', 'poly.png')).rejects.toMatchObject({ status: 400 })
  })

  it('refuses an image whose declared type is not what it is', async () => {
    const png = await smooth().png().toBuffer()
    await expect(tryUpload(png, 'image/jpeg', 'photo.jpg')).rejects.toMatchObject({ status: 400, message: expect.stringContaining("The file's content (image/png) does not match its declared type (image/jpeg)") })
  })

  it('stores a safe name: unicode kept; path parts, control and bidi characters, reserved names not', async () => {
    const jpeg = await smooth().jpeg().toBuffer()
    const names = await Promise.all(
      ['../../../etc/Фото Кремля.jpg', 'evil\u202Egpj.exe.jpg', 'CON.jpg', 'tab\tand\u0000null.jpg'].map(async (name) => (await tryUpload(jpeg, 'image/jpeg', name)).filename),
    )
    expect(names).toEqual(['Фото Кремля.jpg', 'evilgpj.exe.jpg', 'CON-image.jpg', 'tabandnull.jpg'])
    await writeQueuedImageFiles(payload())
    for (const name of names) expect([fs.existsSync(keptOriginalFile(name!)), fs.existsSync(mediaFile(name!))]).toEqual([true, true])
  })
})
