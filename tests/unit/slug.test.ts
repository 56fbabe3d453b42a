import { describe, expect, it } from '@jest/globals'

import { SLUG_MAX_LENGTH, toSlug, validateSlug } from '../../src/lib/slug'

describe('toSlug', () => {
  it('makes lower-case hyphenated ASCII from a headline with curly quotes', () => {
    expect(toSlug('Xi and Putin reaffirm their ‘no limits’ partnership in Beijing')).toBe(
      'xi-and-putin-reaffirm-their-no-limits-partnership-in-beijing',
    )
  })

  it('transliterates Cyrillic and strips accents', () => {
    expect(toSlug('Путин в Пекине')).toBe('putin-v-pekine')
    expect(toSlug('Café déjà vu — São Paulo')).toBe('cafe-deja-vu-sao-paulo')
  })

  it('bounds the length and ends on a whole word', () => {
    const slug = toSlug('word '.repeat(60))
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH)
    expect(slug.endsWith('word')).toBe(true)
  })

  it('returns an empty string when nothing URL-safe remains', () => {
    expect(toSlug('!!! ???')).toBe('')
  })
})

describe('validateSlug', () => {
  it('accepts URL-safe slugs', () => {
    expect(validateSlug('xi-putin-2024')).toBe(true)
  })

  it.each([
    ['', /required/],
    ['Has Spaces', /lower-case/],
    ['double--hyphen', /single hyphens/],
    ['-leading', /lower-case/],
    ['ünïcode', /lower-case/],
    ['a'.repeat(SLUG_MAX_LENGTH + 1), /characters or fewer/],
    [42, /required/],
  ])('rejects %p', (value, message) => {
    expect(validateSlug(value)).toMatch(message)
  })
})
