import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import { firstArticle, firstImage } from '../../src/seed/fixtures/firstArticle'
import { toSlug, validateSlug } from '../../src/lib/slug'

const fixture = fs.readFileSync(path.resolve('src/seed/fixtures/article.txt'), 'utf8')
const paragraphs = fixture.split('\n').filter((line) => line.trim() !== '')

describe('first article fixture', () => {
  it('holds the nine paragraphs verbatim (checksum of the supplied text)', () => {
    expect(paragraphs).toHaveLength(9)
    expect(createHash('sha256').update(paragraphs.join('\n')).digest('hex')).toBe(
      '14be79206ea3daeb069ea6178e417da8f95107bb9b3e92c0e9f59007e6f25b7f',
    )
  })

  it('keeps the credit line out of the body', () => {
    expect(fixture).not.toMatch(/Creative Commons|Официальный/)
  })

  it('has a valid slug close to its headline and the 16 May 2024 date', () => {
    expect(validateSlug(firstArticle.slug)).toBe(true)
    expect(toSlug(firstArticle.headline)).toContain('xi')
    expect(firstArticle.publishedAt.startsWith('2024-05-16')).toBe(true)
  })

  it('credits the photo to the Kremlin website in Cyrillic under CC BY 4.0', () => {
    expect(firstImage.creator).toBe('Официальный веб-сайт Президента Российской Федерации')
    expect(firstImage.licenseSpdxId).toBe('CC-BY-4.0')
    expect(new URL(firstImage.sourceUrl).hostname).toBe('kremlin.ru')
  })
})
