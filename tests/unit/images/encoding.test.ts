import { describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { AVIF_EFFORT, decideEncodeOptions, FALLBACK_QUALITY, MODERN_VARIANT_QUALITY, readSourceFidelity } from '../../../src/lib/images/encoding'
import { estimateJpegQuality } from '../../../src/lib/images/jpegQuality'
import { isLosslessWebp } from '../../../src/lib/images/webpKind'

const photo = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#468' } })

describe('reading an upload’s quality', () => {
  it.each([40, 75, 88, 95, 100])('reads back the quality a JPEG was saved at (%i)', async (quality) => {
    const jpeg = await photo().jpeg({ quality }).toBuffer()
    expect(estimateJpegQuality(jpeg)).toBe(quality)
  })

  it('gives null for something that is not a JPEG', async () => {
    expect(estimateJpegQuality(await photo().png().toBuffer())).toBeNull()
  })

  it('tells lossless WebP from lossy', async () => {
    expect(isLosslessWebp(await photo().webp({ lossless: true }).toBuffer())).toBe(true)
    expect(isLosslessWebp(await photo().webp({ quality: 80 }).toBuffer())).toBe(false)
  })

  it('collects format, quality and chroma subsampling', async () => {
    const jpeg = await photo().jpeg({ quality: 70, chromaSubsampling: '4:4:4' }).toBuffer()
    expect(readSourceFidelity(jpeg, await sharp(jpeg).metadata())).toEqual({ format: 'jpeg', lossless: false, quality: 70, chromaSubsampling: '4:4:4' })
  })
})

describe('choosing how to re-encode', () => {
  const jpegSource = { format: 'jpeg' as const, lossless: false, quality: 72, chromaSubsampling: '4:4:4' }
  const pngSource = { format: 'png' as const, lossless: true, quality: null, chromaSubsampling: null }

  it('writes PNG losslessly, never in palette mode', () => {
    expect(decideEncodeOptions('png', pngSource)).toEqual({ format: 'png', options: { compressionLevel: 9, palette: false } })
  })

  it('keeps a JPEG’s own quality and subsampling', () => {
    expect(decideEncodeOptions('jpeg', jpegSource)).toMatchObject({ options: { quality: 72, chromaSubsampling: '4:4:4' } })
  })

  it('falls back to a high quality when the upload’s cannot be read', () => {
    expect(decideEncodeOptions('jpeg', { ...jpegSource, quality: null, chromaSubsampling: null })).toMatchObject({ options: { quality: FALLBACK_QUALITY.jpeg, chromaSubsampling: '4:2:0' } })
    expect(decideEncodeOptions('avif', { format: 'avif', lossless: false, quality: null, chromaSubsampling: null })).toEqual({ format: 'avif', options: { quality: FALLBACK_QUALITY.avif, effort: AVIF_EFFORT } })
  })

  it('keeps lossless WebP lossless', () => {
    expect(decideEncodeOptions('webp', { format: 'webp', lossless: true, quality: null, chromaSubsampling: null })).toEqual({ format: 'webp', options: { lossless: true } })
  })

  it('makes the extra AVIF and WebP variants of another format at reader-sized qualities', () => {
    expect(decideEncodeOptions('webp', pngSource)).toEqual({ format: 'webp', options: { quality: MODERN_VARIANT_QUALITY.webp } })
    expect(decideEncodeOptions('avif', jpegSource)).toEqual({ format: 'avif', options: { quality: MODERN_VARIANT_QUALITY.avif, effort: AVIF_EFFORT } })
  })
})
