import { describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { AVIF_EFFORT, decideEncodeOptions, FALLBACK_QUALITY, hasAtMostColours, MODERN_VARIANT_QUALITY, readSourceFidelity } from '../../../src/lib/images/encoding'
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
    expect(readSourceFidelity(jpeg, await sharp(jpeg).metadata())).toEqual({ format: 'jpeg', lossless: false, quality: 70, chromaSubsampling: '4:4:4', fitsPalette: false, sixteenBitSpace: null })
  })
})

describe('choosing how to re-encode', () => {
  const plain = { fitsPalette: false, sixteenBitSpace: null }
  const jpegSource = { format: 'jpeg' as const, lossless: false, quality: 72, chromaSubsampling: '4:4:4', ...plain }
  const pngSource = { format: 'png' as const, lossless: true, quality: null, chromaSubsampling: null, ...plain }

  it('writes a true-colour PNG as true colour, in every size', () => {
    expect(decideEncodeOptions('png', pngSource, false)).toEqual({ format: 'png', options: { compressionLevel: 9, palette: false } })
    expect(decideEncodeOptions('png', pngSource, true)).toEqual({ format: 'png', options: { compressionLevel: 9, palette: false } })
  })

  it('writes a palette only for the full-size file of a source that fits one, without dithering', () => {
    expect(decideEncodeOptions('png', { ...pngSource, fitsPalette: true }, false)).toEqual({ format: 'png', options: { compressionLevel: 9, palette: true, colours: 256, dither: 0, quality: 100, effort: 10 } })
    expect(decideEncodeOptions('png', { ...pngSource, fitsPalette: true }, true)).toMatchObject({ options: { palette: false } })
  })

  it('knows a palette source, a 16-bit source, and counts colours up to a limit', async () => {
    const palette = await photo().png({ palette: true }).toBuffer()
    expect(readSourceFidelity(palette, await sharp(palette).metadata())).toMatchObject({ fitsPalette: true, sixteenBitSpace: null })
    const deep = await photo().toColourspace('rgb16').png().toBuffer()
    expect(readSourceFidelity(deep, await sharp(deep).metadata())).toMatchObject({ fitsPalette: false, sixteenBitSpace: 'rgb16' })
    const pixels = Buffer.from([1, 2, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(hasAtMostColours(pixels, 3, 3)).toBe(true)
    expect(hasAtMostColours(pixels, 3, 2)).toBe(false)
  })

  it('keeps a JPEG’s own quality and subsampling', () => {
    expect(decideEncodeOptions('jpeg', jpegSource)).toMatchObject({ options: { quality: 72, chromaSubsampling: '4:4:4' } })
  })

  it('writes a full-size JPEG with standard Huffman tables (optimising them holds every coefficient in memory); the sizes optimise', () => {
    expect(decideEncodeOptions('jpeg', jpegSource, false)).toMatchObject({ options: { optimiseCoding: false } })
    expect(decideEncodeOptions('jpeg', jpegSource, true)).toMatchObject({ options: { optimiseCoding: true } })
  })

  it('falls back to a high quality when the upload’s cannot be read', () => {
    expect(decideEncodeOptions('jpeg', { ...jpegSource, quality: null, chromaSubsampling: null })).toMatchObject({ options: { quality: FALLBACK_QUALITY.jpeg, chromaSubsampling: '4:2:0' } })
    expect(decideEncodeOptions('avif', { format: 'avif', lossless: false, quality: null, chromaSubsampling: null, ...plain })).toEqual({ format: 'avif', options: { quality: FALLBACK_QUALITY.avif, effort: AVIF_EFFORT } })
  })

  it('keeps lossless WebP lossless', () => {
    expect(decideEncodeOptions('webp', { format: 'webp', lossless: true, quality: null, chromaSubsampling: null, ...plain })).toEqual({ format: 'webp', options: { lossless: true } })
  })

  it('makes the extra AVIF and WebP variants of another format at reader-sized qualities', () => {
    expect(decideEncodeOptions('webp', pngSource)).toEqual({ format: 'webp', options: { quality: MODERN_VARIANT_QUALITY.webp } })
    expect(decideEncodeOptions('avif', jpegSource)).toEqual({ format: 'avif', options: { quality: MODERN_VARIANT_QUALITY.avif, effort: AVIF_EFFORT } })
  })
})
