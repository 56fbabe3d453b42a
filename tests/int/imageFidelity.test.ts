import fs from 'node:fs'

import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { AVIF_EFFORT, FALLBACK_QUALITY } from '../../src/lib/images/encoding'
import { estimateJpegQuality } from '../../src/lib/images/jpegQuality'
import { isLosslessWebp } from '../../src/lib/images/webpKind'
import type { License, Media } from '../../src/payload-types'
import { createLicense, differingPixels, distinctColours, fileSize, filesOf, gradient, mediaFile, pixelDigest, redToBlue, rgbPixels, upload } from '../support/images'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let license: License

beforeAll(async () => {
  license = await createLicense(payload())
})

function expectRecordedSizes(doc: Media): void {
  expect(doc.filesize).toBe(fileSize(doc.filename!))
  for (const size of Object.values(doc.sizes ?? {})) if (size?.filename) expect(size.filesize).toBe(fileSize(size.filename))
}

describe('re-encoding keeps each format’s fidelity', () => {
  it('keeps a PNG lossless: the served original has exactly the upload’s pixels, and sizes keep their colours', async () => {
    const data = await gradient(800, 600).png().toBuffer()
    const doc = await upload(payload(), license, 'gradient.png', data)
    expect(await pixelDigest(mediaFile(doc.filename!))).toEqual(await pixelDigest(data))
    // Palette mode would cut every file to 256 colours.
    expect(await distinctColours(mediaFile(doc.sizes!.w768!.filename!))).toBeGreaterThan(10_000)
    expect((await sharp(mediaFile(doc.sizes!.w1600!.filename!)).metadata()).isPalette).toBe(false)
    // The credit is in the file all the same.
    expect(String((await sharp(mediaFile(doc.filename!)).metadata()).xmp)).toContain('Jane Doe')
  })

  it('keeps a true-colour PNG of a few hundred colours true-colour: not one pixel of the served original changes', async () => {
    const data = await redToBlue(400, 300).png().toBuffer()
    expect(await distinctColours(data)).toBeGreaterThan(256)
    const doc = await upload(payload(), license, 'red-to-blue.png', data)
    const served = fs.readFileSync(mediaFile(doc.filename!))
    expect((await sharp(served).metadata()).isPalette).toBe(false)
    expect(differingPixels(await rgbPixels(served), await rgbPixels(data))).toBe(0)
  })

  it('keeps a palette PNG a palette PNG, with the same pixels', async () => {
    const data = await redToBlue(400, 300).png({ palette: true, colours: 64, dither: 0 }).toBuffer()
    expect((await sharp(data).metadata()).isPalette).toBe(true)
    const doc = await upload(payload(), license, 'palette.png', data)
    const served = fs.readFileSync(mediaFile(doc.filename!))
    expect((await sharp(served).metadata()).isPalette).toBe(true)
    expect(differingPixels(await rgbPixels(served), await rgbPixels(data))).toBe(0)
  })

  it('keeps a 16-bit PNG at 16 bits, every sample', async () => {
    const data = await redToBlue(400, 300).toColourspace('rgb16').linear(1.001, 0).png().toBuffer()
    expect((await sharp(data).metadata()).bitsPerSample).toBe(16)
    const doc = await upload(payload(), license, 'deep.png', data)
    const served = fs.readFileSync(mediaFile(doc.filename!))
    expect((await sharp(served).metadata()).bitsPerSample).toBe(16)
    const samples = (input: Buffer) => sharp(input).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer()
    expect((await samples(served)).equals(await samples(data))).toBe(true)
  })

  it('keeps a JPEG’s own quality and chroma subsampling in the original and its sizes', async () => {
    const data = await gradient(1200, 800).jpeg({ quality: 62, chromaSubsampling: '4:4:4' }).toBuffer()
    const doc = await upload(payload(), license, 'gradient.jpg', data)
    for (const file of [doc.filename!, doc.sizes!.w768!.filename!]) {
      const bytes = fs.readFileSync(mediaFile(file))
      expect(estimateJpegQuality(bytes)).toBe(62)
      expect((await sharp(bytes).metadata()).chromaSubsampling).toBe('4:4:4')
    }
  })

  it('keeps a lossless WebP lossless, pixel for pixel', async () => {
    const data = await gradient(640, 480).webp({ lossless: true }).toBuffer()
    const doc = await upload(payload(), license, 'gradient.webp', data)
    const served = fs.readFileSync(mediaFile(doc.filename!))
    expect(isLosslessWebp(served)).toBe(true)
    expect(await pixelDigest(served)).toEqual(await pixelDigest(data))
  })

  it('writes an AVIF upload at the documented high default', async () => {
    const data = await gradient(640, 480).avif({ quality: 50 }).toBuffer()
    const doc = await upload(payload(), license, 'gradient.avif', data)
    const again = await sharp(data).rotate().avif({ quality: FALLBACK_QUALITY.avif, effort: AVIF_EFFORT }).toBuffer()
    // Same encoder settings, same size give or take the metadata and its Content Credentials (about 3.3 KB).
    expect(Math.abs(fileSize(doc.filename!) - again.length)).toBeLessThan(6000)
    expect(doc.mimeType).toBe('image/avif')
  })

  it('records the byte size of every file as written', async () => {
    const data = await gradient(900, 600).jpeg({ quality: 95 }).toBuffer()
    const doc = await upload(payload(), license, 'sizes.jpg', data)
    expectRecordedSizes(doc)
    expectRecordedSizes(await payload().findByID({ collection: 'media', id: doc.id }))
    expect(filesOf(doc)).toHaveLength(16)
  })
})
