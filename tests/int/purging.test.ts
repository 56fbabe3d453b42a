import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'

import { registerPurgeTarget } from '../../src/lib/cache/purge'
import type { Article, Media } from '../../src/payload-types'
import { createArticle, createImage, createLicenses } from '../support/content'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let purged: string[][] = []
let unregister: () => void
let licenses: Map<string, number>

beforeAll(async () => {
  unregister = registerPurgeTarget('test-recorder', (tags) => void purged.push(tags))
  licenses = await createLicenses(payload())
})

afterAll(() => unregister())

beforeEach(() => {
  purged = []
})

/**
 * The pages named by what changed, each once (on PostgreSQL a change purges again when its
 * transaction commits); list pages, year pages and sitemap files follow positions and dates,
 * tested in archive.test.ts and sitemapIndex.test.ts.
 */
const all = () => [...new Set(purged.flat().filter((tag) => !/^(list|archive|sitemap):/.test(tag)))].sort()
const sorted = (tags: string[]) => [...tags].sort()

/** Makes a test's own starting state, then forgets what that purged: each test sees only its own change. */
async function given<T>(setup: () => Promise<T>): Promise<T> {
  const made = await setup()
  purged = []
  return made
}

const newImage = (spdxId = 'CC-BY-4.0') => createImage(payload(), licenses.get(spdxId)!)
/** A published article showing an image of its own. */
async function publishedWithImage(): Promise<{ image: Media; article: Article }> {
  const image = await newImage()
  return { image, article: await createArticle(payload(), { _status: 'published', heroImage: image.id }) }
}

describe('article hooks purge exactly what readers see change', () => {
  it('purges nothing for a new draft', async () => {
    const image = await given(() => newImage())
    await createArticle(payload(), { _status: 'draft', heroImage: image.id })
    expect(purged).toEqual([])
  })

  it('purges the page, the front page, /credits and the API on publish (and releases the image)', async () => {
    const { image, article } = await given(async () => {
      const image = await newImage()
      return { image, article: await createArticle(payload(), { _status: 'draft', heroImage: image.id }) }
    })
    await payload().update({ collection: 'articles', id: article.id, data: { _status: 'published' } })
    expect(new Set(all())).toEqual(new Set(['article:' + article.slug, 'articles', 'credits', 'api:articles', `media:${image.id}`, 'api:media']))
  })

  it('purges nothing public for a draft save or an autosave of the published article', async () => {
    const { article } = await given(publishedWithImage)
    await payload().update({ collection: 'articles', id: article.id, data: { standfirst: 'Draft words' }, draft: true })
    await payload().update({ collection: 'articles', id: article.id, data: { standfirst: 'More draft words' }, draft: true, autosave: true })
    expect(purged).toEqual([])
  })

  it('purges both addresses when a published edit changes the slug', async () => {
    const { article } = await given(publishedWithImage)
    const renamed = await payload().update({ collection: 'articles', id: article.id, data: { slug: `${article.slug}-renamed`, _status: 'published' } })
    expect(all()).toEqual(sorted(['article:' + article.slug, 'article:' + renamed.slug, 'articles', 'credits', 'api:articles']))
  })

  it('purges the page on unpublish', async () => {
    const { article } = await given(publishedWithImage)
    await payload().update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })
    expect(all()).toEqual(sorted(['article:' + article.slug, 'articles', 'credits', 'api:articles']))
  })

  it('purges nothing when an unpublished article is deleted, and the page when a published one is', async () => {
    const { image, unpublished } = await given(async () => {
      const image = await newImage()
      return { image, unpublished: await createArticle(payload(), { _status: 'draft', heroImage: image.id }) }
    })
    await payload().delete({ collection: 'articles', id: unpublished.id })
    expect(purged).toEqual([])
    const published = await given(() => createArticle(payload(), { _status: 'published', heroImage: image.id }))
    await payload().delete({ collection: 'articles', id: published.id })
    expect(all()).toEqual(sorted(['article:' + published.slug, 'articles', 'credits', 'api:articles']))
  })

  it('purges the page when a scheduled publish goes out', async () => {
    const job = await given(async () => {
      const editor = await payload().create({ collection: 'users', data: { email: 'purge-scheduler@example.com', password: 'a long password here', role: 'editor' } })
      const scheduled = await createArticle(payload(), { _status: 'draft' })
      const queued = await payload().jobs.queue({
        task: 'schedulePublish',
        waitUntil: new Date(Date.now() - 1000),
        input: { type: 'publish', doc: { relationTo: 'articles', value: scheduled.id }, user: { relationTo: 'users', value: editor.id } },
      })
      return { id: queued.id, slug: scheduled.slug }
    })
    // This job only: others queued by other tests (file rewrites) purge tags of their own.
    await payload().jobs.runByID({ id: job.id })
    expect(all()).toEqual(sorted(['article:' + job.slug, 'articles', 'api:articles']))
  })
})

describe('image, license and settings hooks', () => {
  it('purges the image and every page showing it when its caption changes', async () => {
    const { image, article } = await given(publishedWithImage)
    await payload().update({ collection: 'media', id: image.id, data: { caption: 'A new caption' } })
    expect(all()).toEqual(sorted([`media:${image.id}`, 'api:media', 'articles', 'credits', 'api:articles', 'article:' + article.slug]))
  })

  it('purges the license, its images and their pages when the license changes', async () => {
    // A license no other test uses, so what it purges is this test's alone.
    const license = licenses.get('CC-BY-SA-4.0')!
    const { image, article } = await given(async () => {
      const image = await newImage('CC-BY-SA-4.0')
      return { image, article: await createArticle(payload(), { _status: 'published', heroImage: image.id }) }
    })
    await payload().update({ collection: 'licenses', id: license, data: { shortName: 'CC BY-SA 4.0 (renamed)' } })
    expect(all()).toEqual(sorted([`license:${license}`, 'api:licenses', `media:${image.id}`, 'api:media', 'article:' + article.slug, 'articles', 'credits', 'api:articles']))
  })

  it('purges every page that showed an image when the image is deleted', async () => {
    const { image, article } = await given(publishedWithImage)
    await payload().delete({ collection: 'media', id: image.id })
    expect(all()).toEqual(sorted([`media:${image.id}`, 'api:media', 'articles', 'credits', 'api:articles', 'article:' + article.slug]))
  })

  it('purges /credits when the images in use or their credits change, and not for an article without an image', async () => {
    const credited = await given(() => newImage())
    await createArticle(payload(), { _status: 'published', heroImage: credited.id })
    expect(all()).toContain('credits')
    purged = []
    await payload().update({ collection: 'media', id: credited.id, data: { creator: 'Another Creator' } })
    expect(all()).toContain('credits')
    purged = []
    await createArticle(payload(), { _status: 'published' })
    expect(all()).not.toContain('credits')
    expect(all()).toContain('articles')
  })

  it('purges the site tag when the site settings change', async () => {
    await payload().updateGlobal({ slug: 'site-settings', data: { commercial: true } })
    expect(all()).toEqual(['site'])
  })
})
