import { describe, expect, it } from '@jest/globals'
import { ALL_RIGHTS_RESERVED } from '../../../src/licensing/catalog'
import { formatCreditText } from '../../../src/licensing/creditText'
import { KREMLIN_CREATOR, firstPhoto, license } from './fixtures'

describe('formatCreditText', () => {
  it('credits the first photo exactly (no title, Cyrillic creator, CC BY 4.0)', () => {
    expect(formatCreditText(firstPhoto)).toBe(
      'Photo: Официальный веб-сайт Президента Российской Федерации, CC BY 4.0',
    )
  })

  it('puts a title in quotes, then creator, license and change note', () => {
    expect(
      formatCreditText({
        title: 'Talks in Beijing',
        creator: 'Jane Doe',
        license: license('CC-BY-4.0'),
        changes: 'Cropped from original',
      }),
    ).toBe('“Talks in Beijing” by Jane Doe, CC BY 4.0. Cropped from original.')
  })

  it('does not double the full stop of a change note or after a name ending in one', () => {
    expect(formatCreditText({ creator: 'Jane Doe', license: license('CC-BY-4.0'), changes: 'Cropped.' })).toBe(
      'Photo: Jane Doe, CC BY 4.0. Cropped.',
    )
    expect(formatCreditText({ creator: 'Acme Inc.', changes: 'Cropped from original' })).toBe(
      'Photo: Acme Inc. Cropped from original.',
    )
  })

  it('marks CC0 as public domain', () => {
    expect(formatCreditText({ creator: 'Jane Doe', license: license('CC0-1.0') })).toBe(
      'Photo: Jane Doe, CC0 1.0 (public domain)',
    )
    expect(formatCreditText({ license: license('CC0-1.0') })).toBe('Photo: CC0 1.0 (public domain)')
  })

  it('credits all-rights-reserved images without printing the internal permission note', () => {
    const text = formatCreditText({
      creator: 'Reuters',
      license: ALL_RIGHTS_RESERVED,
      permissionNote: 'Contract 2024-17, secret terms',
    })
    expect(text).toBe('Photo: Reuters, All rights reserved')
  })

  it('keeps Chinese and Arabic (RTL) creators verbatim, adding no invisible characters', () => {
    expect(formatCreditText({ creator: '新华社', license: license('CC-BY-SA-4.0') })).toBe('Photo: 新华社, CC BY-SA 4.0')
    expect(formatCreditText({ title: '人民大会堂', creator: '新华社', license: license('CC-BY-4.0') })).toBe(
      '“人民大会堂” by 新华社, CC BY 4.0',
    )
    const arabic = formatCreditText({ creator: 'وكالة الأنباء السعودية', license: license('CC-BY-4.0') })
    expect(arabic).toBe('Photo: وكالة الأنباء السعودية, CC BY 4.0')
    expect(arabic).not.toMatch(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/)
  })

  it('omits missing parts cleanly', () => {
    const cases: Array<[Parameters<typeof formatCreditText>[0], string]> = [
      [{ title: 'Sunset', license: license('CC-BY-4.0') }, '“Sunset”, CC BY 4.0'],
      [{ title: 'Sunset', creator: 'Jane Doe' }, '“Sunset” by Jane Doe'],
      [{ title: 'Sunset' }, '“Sunset”'],
      [{ creator: KREMLIN_CREATOR }, `Photo: ${KREMLIN_CREATOR}`],
      [{ license: license('CC-BY-4.0') }, 'Photo: CC BY 4.0'],
      [{ title: null, creator: undefined, license: license('CC-BY-NC-4.0') }, 'Photo: CC BY-NC 4.0'],
    ]
    for (const [subject, expected] of cases) {
      const text = formatCreditText(subject)
      expect(text).toBe(expected)
      expect(text).not.toMatch(/undefined|null|, ,|,$|^,|\s{2}|^\s|\s$/)
    }
  })

  it('trims and collapses whitespace, and drops control and bidi-override characters', () => {
    expect(
      formatCreditText({
        title: '  Talks \n in\tBeijing ',
        creator: ' \u202EJane\u0000 Doe  ',
        license: license('CC-BY-4.0'),
        changes: '  Cropped  from original ',
      }),
    ).toBe('“Talks in Beijing” by Jane Doe, CC BY 4.0. Cropped from original.')
  })

  it('returns an empty string when there is nothing to credit', () => {
    expect(formatCreditText({})).toBe('')
    expect(formatCreditText({ title: '  ', creator: '', license: null })).toBe('')
    expect(formatCreditText({ changes: 'Cropped from original', sourceUrl: 'https://example.com/' })).toBe('')
  })

  it('uses the license name when a stored record has no short name', () => {
    expect(
      formatCreditText({
        creator: 'Jane Doe',
        license: { ...license('CC-BY-4.0'), shortName: ' ' },
      }),
    ).toBe('Photo: Jane Doe, Creative Commons Attribution 4.0 International')
  })
})
