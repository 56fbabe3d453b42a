import { describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { stripJpegMetadata, stripWebpMetadata } from '../../../src/lib/images/stripMetadata'

const exif = { IFD0: { Artist: 'Someone', ImageDescription: 'where it was taken' } }
const image = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#a53' } })

async function rawPixels(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes).rotate().raw().toBuffer()
}

describe('stripping metadata without re-encoding', () => {
  it('removes EXIF, XMP and comments from a JPEG and keeps its image data byte for byte', async () => {
    const jpeg = await image().jpeg({ quality: 80 }).withExif(exif).withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"/>').toBuffer()
    const stripped = stripJpegMetadata(jpeg)
    const metadata = await sharp(stripped).metadata()
    expect(metadata.exif).toBeUndefined()
    expect(metadata.xmp).toBeUndefined()
    expect(stripped.subarray(stripped.indexOf(Buffer.from([0xff, 0xda])))).toEqual(jpeg.subarray(jpeg.indexOf(Buffer.from([0xff, 0xda]))))
    expect(await rawPixels(stripped)).toEqual(await rawPixels(jpeg))
  })

  it('keeps the orientation so the picture still stands upright', async () => {
    const jpeg = await image().jpeg().withExif(exif).withMetadata({ orientation: 6 }).toBuffer()
    const stripped = stripJpegMetadata(jpeg, 6)
    const metadata = await sharp(stripped).metadata()
    expect(metadata.orientation).toBe(6)
    expect(String(metadata.exif)).not.toContain('Someone')
    expect(await rawPixels(stripped)).toEqual(await rawPixels(jpeg))
  })

  it('removes the EXIF and XMP chunks of a WebP and keeps its image chunk', async () => {
    const webp = await image().webp({ lossless: true }).withExif(exif).withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"/>').toBuffer()
    expect((await sharp(webp).metadata()).exif).toBeDefined()
    const stripped = stripWebpMetadata(webp)
    const metadata = await sharp(stripped).metadata()
    expect([metadata.exif, metadata.xmp]).toEqual([undefined, undefined])
    expect(stripped.readUInt32LE(4)).toBe(stripped.length - 8)
    expect(await rawPixels(stripped)).toEqual(await rawPixels(webp))
  })

  it('refuses what is not the format it was asked to strip', async () => {
    const png = await image().png().toBuffer()
    expect(() => stripJpegMetadata(png)).toThrow('Not a JPEG file')
    expect(() => stripWebpMetadata(png)).toThrow('Not a WebP file')
  })
})
