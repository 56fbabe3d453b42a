import { describe, expect, it } from '@jest/globals'

import { VARIANT_WIDTHS, variantFilename, variantUrl } from '../../src/lib/images/variants'

describe('image variants', () => {
  it('lists each width once, smallest first', () => {
    expect(VARIANT_WIDTHS).toEqual([320, 480, 768, 1024, 1600])
  })

  it('names a variant after the original', () => {
    expect(variantFilename('photo', 768, 'jpg')).toBe('photo-w768.jpg')
  })

  it('rounds a requested width up to the next variant, and caps at the largest', () => {
    expect(variantUrl('/api/media/file/photo.jpg', 700)).toBe('/api/media/file/photo-w768.jpg')
    expect(variantUrl('/api/media/file/photo.jpg', 768)).toBe('/api/media/file/photo-w768.jpg')
    expect(variantUrl('/api/media/file/photo.jpg', 3840)).toBe('/api/media/file/photo-w1600.jpg')
  })

  it('keeps dots in names and query strings', () => {
    expect(variantUrl('/api/media/file/a.b.c.webp?v=2', 320)).toBe('/api/media/file/a.b.c-w320.webp?v=2')
  })
})
