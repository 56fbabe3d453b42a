import { describe, expect, it } from '@jest/globals'

import { toLicenseFacts } from '../../src/licensing'
import { imagesOf, toArticleView, toBodyImageViews, toImageView } from '../../src/lib/data/views'
import type { Article, License, Media } from '../../src/payload-types'

const license: License = {
  id: 2,
  name: 'Creative Commons Attribution 4.0 International',
  shortName: 'CC BY 4.0',
  spdxId: 'CC-BY-4.0',
  deedUrl: 'https://creativecommons.org/licenses/by/4.0/',
  requiresAttribution: true,
  allowsCommercialUse: true,
  allowsModification: true,
  requiresShareAlike: false,
  updatedAt: '',
  createdAt: '',
}

const media: Media = {
  id: 'a1b2',
  alt: 'Two leaders',
  caption: '  ',
  creator: 'Официальный веб-сайт',
  creatorUrl: 'http://kremlin.ru/',
  sourceUrl: null,
  license,
  url: '/api/media/file/x.jpg',
  width: 1600,
  height: 900,
  sizes: {
    w768: { url: '/api/media/file/renamed-by-editor-w768.jpg', width: 768, height: 432, mimeType: 'image/jpeg', filename: 'renamed-by-editor-w768.jpg' },
    w320: { url: '/api/media/file/renamed-by-editor-w320.jpg', width: 320, height: 180, mimeType: 'image/jpeg', filename: 'renamed-by-editor-w320.jpg' },
    w1600: { url: null, width: null, height: null, mimeType: null, filename: null },
  },
  updatedAt: '',
  createdAt: '',
} as unknown as Media

describe('view models', () => {
  it('turns a populated image into what the page needs, credit included', () => {
    expect(toImageView(media)).toEqual({
      id: 'a1b2',
      url: '/api/media/file/x.jpg',
      // From the document's own sizes, narrowest first; a size without a file is left out.
      variants: [
        { url: '/api/media/file/renamed-by-editor-w320.jpg', width: 320, height: 180, mimeType: 'image/jpeg' },
        { url: '/api/media/file/renamed-by-editor-w768.jpg', width: 768, height: 432, mimeType: 'image/jpeg' },
      ],
      width: 1600,
      height: 900,
      alt: 'Two leaders',
      caption: null,
      focalX: null,
      focalY: null,
      credit: {
        title: null,
        creator: 'Официальный веб-сайт',
        creatorUrl: 'http://kremlin.ru/',
        sourceUrl: null,
        changes: null,
        license: {
          name: license.name,
          shortName: 'CC BY 4.0',
          spdxId: 'CC-BY-4.0',
          deedUrl: license.deedUrl,
          requiresAttribution: true,
          allowsCommercialUse: true,
          allowsModification: true,
          requiresShareAlike: false,
        },
      },
      contentCredentials: null,
    })
  })

  it('summarises the Content Credentials a reader sees: signer, time, what was done', () => {
    const contentCredentials = {
      label: 'urn:c2pa:1',
      signedBy: 'The Dispatch',
      signerIssuer: 'A CA',
      signedAt: '2026-11-30T10:00:00.000Z',
      validationState: 'Trusted' as const,
      valid: true,
      actions: [{ action: 'c2pa.opened', when: null, description: null }, { action: 'c2pa.edited.metadata', when: null, description: 'x' }],
    }
    expect(toImageView({ ...media, contentCredentials })?.contentCredentials).toEqual({ signedBy: 'The Dispatch', signedAt: '2026-11-30T10:00:00.000Z', validationState: 'Trusted', actions: ['opened', 'edited.metadata'] })
    expect(toImageView({ ...media, contentCredentials: { ...contentCredentials, label: null } })?.contentCredentials).toBeNull()
  })

  it('shows no image for an id (not populated), a missing file or nothing', () => {
    expect(toImageView(7)).toBeNull()
    expect(toImageView('64f0c0ffee')).toBeNull()
    expect(toImageView(null)).toBeNull()
    expect(toImageView({ ...media, url: null })).toBeNull()
  })

  it('keeps an unpopulated license out of the credit', () => {
    expect(toLicenseFacts(2)).toBeNull()
    expect(toImageView({ ...media, license: 2 })?.credit.license).toBeNull()
  })

  it('builds the article view', () => {
    const article = { id: 1, headline: 'H', slug: 's', standfirst: null, body: { root: {} }, heroImage: media, publishedAt: '2024-05-16T10:00:00.000Z', updatedAt: 'u', createdAt: 'c' } as unknown as Article
    expect(toArticleView(article)).toMatchObject({ slug: 's', headline: 'H', standfirst: null, byline: null, publishedAt: '2024-05-16T10:00:00.000Z', image: { alt: 'Two leaders' } })
  })

  it('builds a view of every populated image in the body, in reading order, and none of an unpopulated one', () => {
    const map = { ...media, id: 'm2', alt: 'A map', url: '/api/media/file/map.png' }
    const body = {
      root: {
        type: 'root',
        children: [
          { type: 'upload', relationTo: 'media', value: map, fields: null, format: '', version: 3 },
          { type: 'paragraph', children: [{ type: 'text', text: 'x' }] },
          { type: 'upload', relationTo: 'media', value: 99, fields: null, format: '', version: 3 },
          { type: 'upload', relationTo: 'media', value: null, fields: null, format: '', version: 3 },
          { type: 'upload', relationTo: 'media', value: media, fields: null, format: '', version: 3 },
        ],
      },
    } as unknown as Article['body']
    expect(toBodyImageViews(body).map((image) => image.alt)).toEqual(['A map', 'Two leaders'])
    const article = { id: 1, headline: 'H', slug: 's', body, heroImage: media, updatedAt: 'u', createdAt: 'c' } as unknown as Article
    expect(toArticleView(article).bodyImages.map((image) => image.credit.creator)).toEqual(['Официальный веб-сайт', 'Официальный веб-сайт'])
  })
})

describe('imagesOf (JSON-LD, feeds)', () => {
  it('lists the lead image first, then body images, each once', () => {
    const lead = toImageView(media)!
    const map = toImageView({ ...media, url: '/api/media/file/map.png' })!
    expect(imagesOf({ image: lead, bodyImages: [map, lead] }).map((image) => image.url)).toEqual(['/api/media/file/x.jpg', '/api/media/file/map.png'])
    expect(imagesOf({ image: null, bodyImages: [map] }).map((image) => image.url)).toEqual(['/api/media/file/map.png'])
  })
})
