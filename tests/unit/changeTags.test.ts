import { describe, expect, it } from '@jest/globals'

import { tagsForArticleChange, tagsForLicenseChange, tagsForListPositions, tagsForMediaChange, tagsForSiteChange } from '../../src/lib/cache/changeTags'

const live = (slug: string, updatedAt: string, images: number[] = [7], publishedAt: string | null = null) => ({ slug, images, updatedAt, publishedAt, section: null, authors: [] })

describe('tagsForArticleChange', () => {
  it('purges nothing for a draft that stays unpublished', () => {
    expect(tagsForArticleChange(null, null)).toEqual([])
  })

  it('purges nothing for a draft save or autosave of a published article (its published row is untouched)', () => {
    expect(tagsForArticleChange(live('a', 't1'), live('a', 't1'))).toEqual([])
  })

  it('purges the page, the lists, the credits and the API on publish', () => {
    expect(tagsForArticleChange(null, live('a', 't2')).sort()).toEqual(['api:articles', 'article:a', 'articles', 'credits'])
  })

  it('purges the same on unpublish and on delete of a published article', () => {
    expect(tagsForArticleChange(live('a', 't1'), null).sort()).toEqual(['api:articles', 'article:a', 'articles', 'credits'])
  })

  it('purges both addresses when a published article changes its slug', () => {
    expect(tagsForArticleChange(live('old', 't1'), live('new', 't2')).sort()).toEqual(['api:articles', 'article:new', 'article:old', 'articles', 'credits'])
  })

  it('leaves the credits page alone for an article without an image, before and after', () => {
    expect(tagsForArticleChange(live('a', 't1', []), live('a', 't2', [])).sort()).toEqual(['api:articles', 'article:a', 'articles'])
  })

  it('purges the sitemap file of the month the article was and is published in, and no other', () => {
    expect(tagsForArticleChange(null, live('a', 't2', [], '2024-05-16T10:00:00.000Z'))).toContain('sitemap:2024-05')
    const moved = tagsForArticleChange(live('a', 't1', [], '2024-05-31T23:00:00.000Z'), live('a', 't2', [], '2024-06-01T01:00:00.000Z'))
    expect(moved.filter((tag) => tag.startsWith('sitemap:')).sort()).toEqual(['sitemap:2024-05', 'sitemap:2024-06'])
  })

  it('purges the credits page when an image is removed from a published article', () => {
    expect(tagsForArticleChange(live('a', 't1', [7]), live('a', 't2', []))).toContain('credits')
  })

  it('purges the credits page when the only image is in the body', () => {
    expect(tagsForArticleChange(live('a', 't1', []), live('a', 't2', [8]))).toContain('credits')
  })
})

describe('tagsForMediaChange', () => {
  it('purges the image and the media API only when no published article shows it', () => {
    expect(tagsForMediaChange([3], []).sort()).toEqual(['api:media', 'media:3'])
  })

  it('purges every page showing the image, the lists and the credits', () => {
    expect(tagsForMediaChange(['m1'], [{ slug: 'a' }, { slug: 'b' }]).sort()).toEqual(['api:articles', 'api:media', 'article:a', 'article:b', 'articles', 'credits', 'media:m1'])
  })

  it('purges nothing for no images', () => {
    expect(tagsForMediaChange([], [{ slug: 'a' }])).toEqual([])
  })
})

describe('tagsForLicenseChange', () => {
  it('purges the license, its images and the pages showing them, each once', () => {
    expect(tagsForLicenseChange(2, [3, 4], [{ slug: 'a' }]).sort()).toEqual(['api:articles', 'api:licenses', 'api:media', 'article:a', 'articles', 'credits', 'license:2', 'media:3', 'media:4'])
  })

  it('purges only the license when no image uses it', () => {
    expect(tagsForLicenseChange(2, [], []).sort()).toEqual(['api:licenses', 'license:2'])
  })
})

describe('tagsForSiteChange', () => {
  it('purges everything that shows the site settings', () => {
    expect(tagsForSiteChange()).toEqual(['site'])
  })
})

describe('tagsForListPositions', () => {
  it('purges a list’s landing page and only its newest page for a new article', () => {
    expect(tagsForListPositions([{ key: 'all', position: 95, total: 96 }], 10)).toEqual(['list:all', 'list:all:10'])
    expect(tagsForListPositions([{ key: 'section-3', position: 100, total: 101 }], 10)).toEqual(['list:section-3', 'list:section-3:11'])
  })

  it('purges every page from the article’s own for an old one, and all pages at once beyond a bound', () => {
    expect(tagsForListPositions([{ key: 'author-7', position: 25, total: 41 }], 10)).toEqual(['list:author-7', 'list:author-7:3', 'list:author-7:4', 'list:author-7:5'])
    expect(tagsForListPositions([{ key: 'all', position: 0, total: 100_000 }], 12)).toEqual(['list:all', 'list:all:pages'])
  })
})
