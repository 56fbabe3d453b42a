import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'

import { backfillBodyImages } from '../../src/domain/articles/bodyImages'
import { registerPurgeTarget } from '../../src/lib/cache/purge'
import type { Article, Media, User } from '../../src/payload-types'
import { createArticle, createImage, createLicenses, createUser, richText } from '../support/content'
import { usePayload } from '../support/usePayload'

/** An image placed in the article body is held to every rule the lead image is. */
const payload = usePayload()
let licenses: Map<string, number>
let editor: User
let purged: string[][] = []
let unregister: () => void

beforeAll(async () => {
  licenses = await createLicenses(payload())
  await createUser(payload(), 'admin')
  editor = await createUser(payload(), 'editor')
  unregister = registerPurgeTarget('body-images-recorder', (tags) => void purged.push(tags))
})

afterAll(() => unregister())

beforeEach(() => {
  purged = []
})

const license = (spdxId: string) => licenses.get(spdxId)!
const articleName = (article: Article) => `“${article.headline}” (/articles/${article.slug})`
const withBodyImage = (image: Media) => richText.body(richText.paragraph('Before the photo.'), richText.image(image.id), richText.paragraph('After it.'))
const asEditor = () => ({ user: editor, overrideAccess: false })

describe('publishing an article with an image in its body', () => {
  it('refuses a CC BY-NC body image on a commercial site with a 400 naming the image and the rule; the draft saves', async () => {
    const nc = await createImage(payload(), license('CC-BY-NC-4.0'))
    const draft = await createArticle(payload(), { _status: 'draft', body: withBodyImage(nc) })
    expect(draft.bodyImages).toEqual([nc.id])
    await expect(payload().update({ collection: 'articles', id: draft.id, data: { _status: 'published' }, ...asEditor() })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(new RegExp(`its image “${nc.alt}” \\(${nc.filename}\\).*CC BY-NC 4\\.0\\) forbids commercial use`)),
    })
    expect((await payload().findByID({ collection: 'articles', id: draft.id, depth: 0 }))._status).toBe('draft')
    expect((await payload().findByID({ collection: 'media', id: nc.id, depth: 0 })).public).toBe(false)
  })

  it('refuses "all rights reserved" in the body without a permission note, even with an allowed lead image', async () => {
    const arr = await createImage(payload(), license('LicenseRef-All-Rights-Reserved'))
    const lead = await createImage(payload(), license('CC-BY-4.0'))
    await expect(createArticle(payload(), { _status: 'published', heroImage: lead.id, body: withBodyImage(arr) })).rejects.toThrow(/no permission from the rights holder is recorded/)
  })

  it('refuses a scheduled publish (a partial update) of a draft whose body breaks a rule', async () => {
    const nc = await createImage(payload(), license('CC-BY-NC-4.0'))
    const draft = await createArticle(payload(), { _status: 'draft', body: withBodyImage(nc) })
    await expect(payload().update({ collection: 'articles', id: draft.id, data: { _status: 'published' } })).rejects.toThrow(/forbids commercial use/)
  })

  it('publishes with a CC BY body image, releases it, and lets anonymous readers fetch it through the article', async () => {
    const ccBy = await createImage(payload(), license('CC-BY-4.0'))
    expect(ccBy.public).toBe(false)
    const article = await createArticle(payload(), { _status: 'published', body: withBodyImage(ccBy) }, editor)
    expect((await payload().findByID({ collection: 'media', id: ccBy.id, depth: 0 })).public).toBe(true)
    const [read] = (await payload().find({ collection: 'articles', where: { id: { equals: article.id } }, depth: 1, overrideAccess: false })).docs
    const node = read!.body.root.children.find((child) => child.type === 'upload') as unknown as { value: Media }
    expect(node.value).toMatchObject({ id: ccBy.id, url: expect.stringContaining(ccBy.filename!), credit: { text: expect.stringContaining('CC BY 4.0') } })
  })

  it('keeps bodyImages in step with the body, and out of the hands of API clients', async () => {
    const first = await createImage(payload(), license('CC-BY-4.0'))
    const second = await createImage(payload(), license('CC-BY-4.0'))
    const article = await createArticle(payload(), { _status: 'draft', body: withBodyImage(first) })
    const edited = await payload().update({ collection: 'articles', id: article.id, data: { body: withBodyImage(second), bodyImages: [first.id] }, draft: true, ...asEditor() })
    expect(edited.bodyImages).toEqual([second.id])
  })
})

describe('an image in the body of a published article keeps to its license', () => {
  let image: Media
  let live: Article

  beforeAll(async () => {
    image = await createImage(payload(), license('CC-BY-4.0'))
    live = await createArticle(payload(), { _status: 'published', body: withBodyImage(image) })
  })

  it('refuses moving the image to a non-commercial license, naming the article', async () => {
    await expect(payload().update({ collection: 'media', id: image.id, data: { license: license('CC-BY-NC-4.0') }, ...asEditor() })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining(`used by published articles: ${articleName(live)}. The image's license (CC BY-NC 4.0) forbids commercial use`),
    })
  })

  it('refuses a license record dropping commercial use while the body image is live', async () => {
    const terms = await payload().create({ collection: 'licenses', data: { name: 'Agency body terms', shortName: 'Agency B', spdxId: 'Agency-B-1.0', deedUrl: 'https://agency.example/b', allowsCommercialUse: true, allowsModification: true } })
    const underTerms = await createImage(payload(), terms.id)
    const showing = await createArticle(payload(), { _status: 'published', body: withBodyImage(underTerms) })
    await expect(payload().update({ collection: 'licenses', id: terms.id, data: { allowsCommercialUse: false }, ...asEditor() })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining(`used by published articles: ${articleName(showing)}.`),
    })
  })

  it('refuses turning the site commercial while a body image forbids it', async () => {
    await payload().updateGlobal({ slug: 'site-settings', data: { commercial: false } })
    const nc = await createImage(payload(), license('CC-BY-NC-4.0'))
    const showing = await createArticle(payload(), { _status: 'published', body: withBodyImage(nc) })
    await expect(payload().updateGlobal({ slug: 'site-settings', data: { commercial: true } })).rejects.toThrow(new RegExp(`used by published articles: .*${showing.slug}`))
    await payload().update({ collection: 'articles', id: showing.id, data: { _status: 'draft' } })
    await payload().updateGlobal({ slug: 'site-settings', data: { commercial: true } })
  })
})

describe('purging for body images', () => {
  // Each tag once: on PostgreSQL a change purges again when its transaction commits.
  const all = () => [...new Set(purged.flat())].sort()

  it('purges the page, the lists and /credits when an article whose only image is in the body is published', async () => {
    const image = await createImage(payload(), license('CC-BY-4.0'))
    purged = []
    const article = await createArticle(payload(), { _status: 'published', body: withBodyImage(image) })
    expect(all()).toEqual(expect.arrayContaining([`article:${article.slug}`, 'articles', 'credits', 'api:articles', `media:${image.id}`]))
  })

  it('purges every page showing a body image when the image changes', async () => {
    const image = await createImage(payload(), license('CC-BY-4.0'))
    const article = await createArticle(payload(), { _status: 'published', body: withBodyImage(image) })
    purged = []
    await payload().update({ collection: 'media', id: image.id, data: { caption: 'A new caption' } })
    expect(all()).toEqual([`media:${image.id}`, 'api:media', 'articles', 'credits', 'api:articles', `article:${article.slug}`].sort())
  })

  it('purges the pages of its body images when a license changes', async () => {
    const terms = await payload().create({ collection: 'licenses', data: { name: 'Renamed terms', shortName: 'RT', spdxId: 'RT-1.0', deedUrl: 'https://rt.example/', allowsCommercialUse: true, allowsModification: true } })
    const image = await createImage(payload(), terms.id)
    const article = await createArticle(payload(), { _status: 'published', body: withBodyImage(image) })
    purged = []
    await payload().update({ collection: 'licenses', id: terms.id, data: { shortName: 'RT (renamed)' } })
    expect(all()).toEqual(expect.arrayContaining([`license:${terms.id}`, `media:${image.id}`, `article:${article.slug}`, 'credits']))
  })

  it('purges the pages that showed a body image when it is deleted', async () => {
    const image = await createImage(payload(), license('CC-BY-4.0'))
    const article = await createArticle(payload(), { _status: 'published', body: withBodyImage(image) })
    purged = []
    await payload().delete({ collection: 'media', id: image.id })
    expect(all()).toContain(`article:${article.slug}`)
  })
})

describe('what the API gives anonymous readers of the body', () => {
  it('links a published article, and gives only the id of an unpublished one (no slug, no headline)', async () => {
    const published = await createArticle(payload(), { _status: 'published' })
    const unpublished = await createArticle(payload(), { _status: 'draft', headline: 'Secret scoop', slug: 'secret-scoop' })
    const article = await createArticle(payload(), {
      _status: 'published',
      body: richText.body(richText.paragraph('See ', richText.articleLink(published.id, 'the earlier story'), ' and ', richText.articleLink(unpublished.id, 'the next one'))),
    })
    const [read] = (await payload().find({ collection: 'articles', where: { id: { equals: article.id } }, depth: 2, overrideAccess: false })).docs
    const links = (read!.body.root.children[0] as unknown as { children: Array<{ type: string; fields?: { doc: { value: unknown } } }> }).children.filter((node) => node.type === 'link')
    expect(links[0]!.fields!.doc.value).toMatchObject({ slug: published.slug, _status: 'published' })
    expect(links[1]!.fields!.doc.value).toBe(unpublished.id)
    expect(JSON.stringify(read)).not.toMatch(/secret-scoop|Secret scoop/)
  })

  it('gives no data of a body image readers may not see', async () => {
    const image = await createImage(payload(), license('CC-BY-4.0'), { caption: 'Embargoed caption' })
    const article = await createArticle(payload(), { _status: 'published', body: withBodyImage(image) })
    // An editor may take an image private again; the published body then shows readers nothing of it.
    await payload().update({ collection: 'media', id: image.id, data: { public: false } })
    const [read] = (await payload().find({ collection: 'articles', where: { id: { equals: article.id } }, depth: 2, overrideAccess: false })).docs
    const node = read!.body.root.children.find((child) => child.type === 'upload') as unknown as { value: unknown }
    expect(node.value).toBeNull()
    expect(JSON.stringify(read)).not.toMatch(/Embargoed caption|image-\d+\.jpg/)
  })
})

describe('articles stored before bodyImages existed', () => {
  it('get their body images filled in by the migration', async () => {
    const image = await createImage(payload(), license('CC-BY-4.0'))
    const article = await createArticle(payload(), { _status: 'published', body: withBodyImage(image) })
    await payload().db.updateOne({ collection: 'articles', id: article.id, data: { bodyImages: [] }, returning: false })
    expect((await payload().findByID({ collection: 'articles', id: article.id, depth: 0 })).bodyImages).toEqual([])
    await backfillBodyImages(payload(), await createLocalReq({}, payload()))
    expect((await payload().findByID({ collection: 'articles', id: article.id, depth: 0 })).bodyImages).toEqual([image.id])
  })
})
