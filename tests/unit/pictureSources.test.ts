import { describe, expect, it } from '@jest/globals'

import { toPicture } from '../../src/lib/images/pictureSources'

const jpeg = (width: number) => ({ url: `/f/p-w${width}.jpg?v=1`, width, mimeType: 'image/jpeg' })
const avif = (width: number) => ({ url: `/f/p-w${width}.avif?v=1`, width, mimeType: 'image/avif' })
const webp = (width: number) => ({ url: `/f/p-w${width}.webp?v=1`, width, mimeType: 'image/webp' })

describe('toPicture', () => {
  it('lists AVIF, then WebP, as sources over every width, and the upload’s own format as the fallback', () => {
    const picture = toPicture([jpeg(768), avif(320), webp(768), jpeg(320), avif(768), webp(320)], '/f/p.jpg')
    expect(picture.sources).toEqual([
      { type: 'image/avif', srcSet: '/f/p-w320.avif?v=1 320w, /f/p-w768.avif?v=1 768w' },
      { type: 'image/webp', srcSet: '/f/p-w320.webp?v=1 320w, /f/p-w768.webp?v=1 768w' },
    ])
    expect(picture.fallback).toEqual({ type: 'image/jpeg', src: '/f/p-w768.jpg?v=1', srcSet: '/f/p-w320.jpg?v=1 320w, /f/p-w768.jpg?v=1 768w' })
  })

  it('uses WebP as the fallback of a WebP upload, without listing it twice', () => {
    const picture = toPicture([webp(320), avif(320)], '/f/p.webp')
    expect(picture.sources.map((source) => source.type)).toEqual(['image/avif'])
    expect(picture.fallback?.src).toBe('/f/p-w320.webp?v=1')
  })

  it('falls back to the original file when no sizes were made', () => {
    expect(toPicture([], '/f/p.png')).toEqual({ sources: [], fallback: { type: '', src: '/f/p.png', srcSet: '' } })
  })
})
