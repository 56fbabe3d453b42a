import { describe, expect, it } from '@jest/globals'

import { VARIANT_WIDTHS, variantFilename } from '../../src/lib/images/variants'

describe('image variants', () => {
  it('lists each width once, smallest first', () => {
    expect(VARIANT_WIDTHS).toEqual([320, 480, 768, 1024, 1600])
  })

  it('names a variant after the original', () => {
    expect(variantFilename('photo', 768, 'jpg')).toBe('photo-w768.jpg')
  })
})
