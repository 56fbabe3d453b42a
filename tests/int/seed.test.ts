import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { seed, seedIfEmpty } from '../../src/seed/seed'
import type { Author, License, Media, Section } from '../../src/payload-types'
import { usePayload } from '../support/usePayload'

const payload = usePayload()

describe('seed', () => {
  it('creates the licenses, the photo and the published article on an empty database', async () => {
    expect(await seedIfEmpty(payload())).toEqual({ licenses: 8, media: 1, articles: 1, sections: 4, authors: 1 })

    const { docs: licenses } = await payload().find({ collection: 'licenses', limit: 50 })
    expect(licenses.map((license) => license.spdxId).sort()).toEqual(
      [
        'CC-BY-4.0',
        'CC-BY-NC-4.0',
        'CC-BY-NC-ND-4.0',
        'CC-BY-NC-SA-4.0',
        'CC-BY-ND-4.0',
        'CC-BY-SA-4.0',
        'CC0-1.0',
        'LicenseRef-All-Rights-Reserved',
      ].sort(),
    )
    const byNc = licenses.find((license) => license.spdxId === 'CC-BY-NC-4.0')
    expect(byNc).toMatchObject({ allowsCommercialUse: false, allowsModification: true, requiresAttribution: true, deedUrl: 'https://creativecommons.org/licenses/by-nc/4.0/' })

    const { docs: articles } = await payload().find({ collection: 'articles', depth: 2, overrideAccess: false })
    expect(articles).toHaveLength(1)
    const article = articles[0]!
    expect(article._status).toBe('published')
    expect(article.publishedAt?.startsWith('2024-05-16')).toBe(true)
    expect(article.body.root.children.filter((node) => node.type === 'paragraph')).toHaveLength(9)

    expect((article.section as Section).slug).toBe('world')
    expect((article.authors as Author[]).map((author) => author.slug)).toEqual(['newsroom-staff'])

    const image = article.heroImage as Media
    expect(image.creator).toBe('Официальный веб-сайт Президента Российской Федерации')
    expect((image.license as License).spdxId).toBe('CC-BY-4.0')
    expect(image.mimeType).toBe('image/jpeg')
    for (const size of Object.values(image.sizes ?? {})) {
      expect(size?.filename).toMatch(/-w\d+\.(jpg|webp|avif)$/)
      expect(fs.existsSync(path.join(process.env.MEDIA_DIR!, size!.filename!))).toBe(true)
    }
  })

  it('creates nothing the second time, and seedIfEmpty leaves a non-empty database alone', async () => {
    expect(await seed(payload())).toEqual({ licenses: 0, media: 0, articles: 0, sections: 0, authors: 0 })
    expect(await seedIfEmpty(payload())).toBeNull()
    expect((await payload().count({ collection: 'media' })).totalDocs).toBe(1)
    expect((await payload().count({ collection: 'articles' })).totalDocs).toBe(1)
  })

  it('creates nothing twice after an editor replaces the photo’s file (which renames it)', async () => {
    const photo = (await payload().find({ collection: 'media', limit: 1 })).docs[0]!
    const data = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#345' } }).jpeg().toBuffer()
    const replaced = await payload().update({ collection: 'media', id: photo.id, data: {}, file: { data, mimetype: 'image/jpeg', name: 'the-real-photo.jpg', size: data.length } })
    expect(replaced.filename).toBe('the-real-photo.jpg')
    expect(await seed(payload())).toEqual({ licenses: 0, media: 0, articles: 0, sections: 0, authors: 0 })
    expect((await payload().count({ collection: 'media' })).totalDocs).toBe(1)
  })
})
