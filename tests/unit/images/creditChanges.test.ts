import { describe, expect, it } from '@jest/globals'

import { licenseChangeRewritesFiles, mediaCreditChanged } from '../../../src/lib/images/creditChanges'
import { CC_BY_4_0 } from '../../../src/licensing/catalog'
import type { License, Media } from '../../../src/payload-types'

const license: License = { ...CC_BY_4_0, id: 1, updatedAt: '', createdAt: '' }

const media = { id: 7, alt: 'A photo', caption: null, creator: 'Jane Doe', license: 1, updatedAt: '', createdAt: '' } as Media

describe('which changes rewrite an image’s files', () => {
  it('a new image always', () => {
    expect(mediaCreditChanged(media, undefined)).toBe(true)
  })

  it('a change to a field written into the files, or another license', () => {
    expect(mediaCreditChanged({ ...media, creator: 'John Roe' }, media)).toBe(true)
    expect(mediaCreditChanged({ ...media, sourceUrl: 'https://example.org/' }, media)).toBe(true)
    expect(mediaCreditChanged({ ...media, license: 2 }, media)).toBe(true)
    expect(mediaCreditChanged({ ...media, license }, media)).toBe(false)
  })

  it('not alt text or a caption', () => {
    expect(mediaCreditChanged({ ...media, alt: 'Other words', caption: 'A caption' }, media)).toBe(false)
  })

  it('a license edit only when it changes what the files say', () => {
    expect(licenseChangeRewritesFiles(media, { ...license, name: 'Renamed' }, license)).toBe(true)
    expect(licenseChangeRewritesFiles(media, { ...license, deedUrl: 'https://creativecommons.org/licenses/by/4.0/deed.en' }, license)).toBe(true)
    expect(licenseChangeRewritesFiles(media, { ...license, allowsCommercialUse: false }, license)).toBe(false)
  })
})
