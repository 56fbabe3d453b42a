import { describe, expect, it } from '@jest/globals'
import { ALL_RIGHTS_RESERVED } from '../../../src/licensing/catalog'
import { toImageObject } from '../../../src/licensing/imageObject'
import { IMAGE_URL, KREMLIN_CREATOR, KREMLIN_SOURCE, firstPhoto, license } from './fixtures'

const hasEmptyValue = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  value === '' ||
  (typeof value === 'object' && Object.values(value as object).some(hasEmptyValue))

describe('toImageObject', () => {
  it('describes the first photo exactly', () => {
    expect(toImageObject(firstPhoto, { contentUrl: IMAGE_URL, width: 1200, height: 800, caption: 'Talks in Beijing, 16 May 2024' })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ImageObject',
      contentUrl: IMAGE_URL,
      url: IMAGE_URL,
      caption: 'Talks in Beijing, 16 May 2024',
      width: 1200,
      height: 800,
      license: 'https://creativecommons.org/licenses/by/4.0/',
      acquireLicensePage: KREMLIN_SOURCE,
      creditText: `Photo: ${KREMLIN_CREATOR}, CC BY 4.0`,
      creator: { '@type': 'Organization', name: KREMLIN_CREATOR, url: 'http://en.kremlin.ru/' },
      copyrightNotice: `© ${KREMLIN_CREATOR}`,
    })
  })

  it('survives a JSON round trip with Cyrillic intact', () => {
    const json = JSON.stringify(toImageObject(firstPhoto, { contentUrl: IMAGE_URL }))
    expect(json).toContain(`"name":"${KREMLIN_CREATOR}"`)
  })

  it('falls back to the deed for acquireLicensePage and omits missing keys', () => {
    const result = toImageObject({ creator: 'Jane Doe', license: license('CC-BY-ND-4.0') }, { contentUrl: IMAGE_URL })
    expect(result).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ImageObject',
      contentUrl: IMAGE_URL,
      url: IMAGE_URL,
      license: 'https://creativecommons.org/licenses/by-nd/4.0/',
      acquireLicensePage: 'https://creativecommons.org/licenses/by-nd/4.0/',
      creditText: 'Photo: Jane Doe, CC BY-ND 4.0',
      creator: { '@type': 'Organization', name: 'Jane Doe' },
      copyrightNotice: '© Jane Doe',
    })
  })

  it('uses the title as name and honours a Person creator type', () => {
    const result = toImageObject(
      { title: 'Sunset', creator: 'Jane Doe', creatorUrl: 'https://jane.example', license: license('CC-BY-4.0') },
      { contentUrl: IMAGE_URL, creatorType: 'Person' },
    )
    expect(result.name).toBe('Sunset')
    expect(result.creator).toEqual({ '@type': 'Person', name: 'Jane Doe', url: 'https://jane.example/' })
  })

  it('gives CC0 no copyright notice', () => {
    const result = toImageObject({ creator: 'Jane Doe', license: license('CC0-1.0') }, { contentUrl: IMAGE_URL })
    expect(result).not.toHaveProperty('copyrightNotice')
    expect(result.license).toBe('https://creativecommons.org/publicdomain/zero/1.0/')
    expect(result.creditText).toBe('Photo: Jane Doe, CC0 1.0 (public domain)')
  })

  it('describes all rights reserved without a license URL', () => {
    const result = toImageObject(
      { creator: 'Reuters', sourceUrl: 'https://pictures.reuters.example/123', license: ALL_RIGHTS_RESERVED, permissionNote: 'Grant' },
      { contentUrl: IMAGE_URL },
    )
    expect(result).not.toHaveProperty('license')
    expect(result.acquireLicensePage).toBe('https://pictures.reuters.example/123')
    expect(result.copyrightNotice).toBe('© Reuters. All rights reserved.')
    expect(JSON.stringify(result)).not.toContain('Grant')
  })

  it('drops unsafe URLs and invalid dimensions, leaving no null or undefined anywhere', () => {
    const result = toImageObject(
      {
        creator: ' ',
        creatorUrl: 'javascript:alert(1)',
        sourceUrl: 'data:text/html,x',
        license: { ...license('CC-BY-4.0'), deedUrl: 'javascript:alert(1)' },
      },
      { contentUrl: '/media/relative.jpg', width: 0, height: Number.NaN, caption: '  ' },
    )
    expect(result).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ImageObject',
      creditText: 'Photo: CC BY 4.0',
    })
    expect(hasEmptyValue(result)).toBe(false)
  })

  it('keeps an Arabic creator verbatim', () => {
    const result = toImageObject({ creator: 'وكالة الأنباء السعودية', license: license('CC-BY-4.0') }, { contentUrl: IMAGE_URL })
    expect(result.creator).toEqual({ '@type': 'Organization', name: 'وكالة الأنباء السعودية' })
  })
})
