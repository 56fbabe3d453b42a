import { describe, expect, it } from '@jest/globals'

import { fileTargets, originalLast, VARIANT_NAMES, VARIANT_WIDTHS, variantFilename } from '../../src/lib/images/variants'

describe('image variants', () => {
  it('lists each width once, smallest first', () => {
    expect(VARIANT_WIDTHS).toEqual([320, 480, 768, 1024, 1600])
  })

  it('names a variant after the original', () => {
    expect(variantFilename('photo', 768, 'jpg')).toBe('photo-w768.jpg')
  })
})

describe('fileTargets', () => {
  it('lists the original and every size in the own format, AVIF and WebP, named after the original', () => {
    const targets = fileTargets('photo.jpg', 'jpeg')
    expect(targets[0]).toEqual({ file: 'photo.jpg', width: null, format: 'jpeg', sizeNames: [] })
    expect(targets).toHaveLength(16)
    expect(targets.find((target) => target.file === 'photo-w768.avif')).toEqual({ file: 'photo-w768.avif', width: 768, format: 'avif', sizeNames: ['w768_avif'] })
    expect(targets.flatMap((target) => target.sizeNames).sort()).toEqual([...VARIANT_NAMES].sort())
  })

  it('writes a WebP upload’s own-format and WebP sizes as one file', () => {
    const targets = fileTargets('scan.webp', 'webp')
    expect(targets).toHaveLength(11)
    expect(targets.find((target) => target.file === 'scan-w320.webp')).toMatchObject({ format: 'webp', sizeNames: ['w320', 'w320_webp'] })
  })
})

describe('originalLast', () => {
  it('puts the original after every size, the sizes in their own order', () => {
    const targets = fileTargets('photo.jpg', 'jpeg')
    const ordered = originalLast(targets)
    expect(ordered.at(-1)).toEqual(targets[0])
    expect(ordered.slice(0, -1)).toEqual(targets.slice(1))
  })
})
