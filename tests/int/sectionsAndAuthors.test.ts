import { beforeAll, describe, expect, it } from '@jest/globals'

import { findRedirect } from '../../src/lib/data/redirects'
import { createArticle, createImage, createLicenses } from '../support/content'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let licenses: Map<string, number>

beforeAll(async () => {
  licenses = await createLicenses(payload())
})

const section = (name: string, slug: string) => payload().create({ collection: 'sections', data: { name, slug } })
const author = (name: string, slug: string, extra: { photo?: number } = {}) => payload().create({ collection: 'authors', data: { name, slug, ...extra } })

describe('sections', () => {
  it('refuses deleting a section published articles use, naming them; allows it once none does', async () => {
    const world = await section('World', 'world')
    const published = await createArticle(payload(), { headline: 'Summit in Beijing', section: world.id, _status: 'published' })
    await createArticle(payload(), { headline: 'A draft about trade', section: world.id, _status: 'draft' })
    await expect(payload().delete({ collection: 'sections', id: world.id })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/section cannot be deleted: published articles use it: “Summit in Beijing” \(\/articles\/story-\d+\)\. Give them another section/),
    })
    await payload().update({ collection: 'articles', id: published.id, data: { _status: 'draft' } })
    await expect(payload().delete({ collection: 'sections', id: world.id })).resolves.toMatchObject({ id: world.id })
  })

  it('names a few and counts the rest', async () => {
    const busy = await section('Busy', 'busy')
    for (let n = 0; n < 7; n += 1) await createArticle(payload(), { section: busy.id, _status: 'published' })
    await expect(payload().delete({ collection: 'sections', id: busy.id })).rejects.toMatchObject({ message: expect.stringContaining(' and 2 more.') })
  })

  it('answers the old address with the new one after a slug change; a new section takes the old address back', async () => {
    const politics = await section('Politics', 'politics')
    await payload().update({ collection: 'sections', id: politics.id, data: { slug: 'politics-and-policy' } })
    expect(await findRedirect('/sections/politics')).toBe('/sections/politics-and-policy')
    await payload().update({ collection: 'sections', id: politics.id, data: { slug: 'policy' } })
    // No chain: the first address leads straight to the current one.
    expect(await findRedirect('/sections/politics')).toBe('/sections/policy')
    expect(await findRedirect('/sections/politics-and-policy')).toBe('/sections/policy')
    await section('Politics again', 'politics')
    expect(await findRedirect('/sections/politics')).toBeNull()
  })
})

describe('authors', () => {
  it('are public profiles with no e-mail address or role', async () => {
    await author('Anna Petrova', 'anna-petrova')
    const { docs } = await payload().find({ collection: 'authors', overrideAccess: false, where: { slug: { equals: 'anna-petrova' } } })
    expect(docs[0]).toMatchObject({ name: 'Anna Petrova', slug: 'anna-petrova' })
    expect(JSON.stringify(docs[0])).not.toMatch(/@|role|email/i)
  })

  it('refuses deleting an author of a published article, naming it', async () => {
    const writer = await author('Li Wei', 'li-wei')
    await createArticle(payload(), { headline: 'Markets in Shanghai', authors: [writer.id], _status: 'published' })
    await expect(payload().delete({ collection: 'authors', id: writer.id })).rejects.toMatchObject({ status: 409, message: expect.stringContaining('“Markets in Shanghai”') })
  })

  it('shows a photo only if its license allows the use, and releases it to readers', async () => {
    const nonCommercial = await createImage(payload(), licenses.get('CC-BY-NC-4.0')!)
    await expect(author('Refused Photo', 'refused-photo', { photo: nonCommercial.id })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('forbids commercial use') })
    const free = await createImage(payload(), licenses.get('CC-BY-4.0')!)
    expect(free.public).toBeFalsy()
    await author('With Photo', 'with-photo', { photo: free.id })
    expect((await payload().findByID({ collection: 'media', id: free.id, depth: 0 })).public).toBe(true)
  })
})

describe('article addresses', () => {
  it('redirects a published article’s old address once the new slug is published, never to an unpublished one', async () => {
    const article = await createArticle(payload(), { slug: 'first-address', _status: 'published' })
    await payload().update({ collection: 'articles', id: article.id, data: { slug: 'draft-address', _status: 'draft' }, draft: true })
    expect(await findRedirect('/articles/first-address')).toBeNull()
    await payload().update({ collection: 'articles', id: article.id, data: { slug: 'second-address', _status: 'published' } })
    expect(await findRedirect('/articles/first-address')).toBe('/articles/second-address')
    await payload().update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })
    expect(await findRedirect('/articles/first-address')).toBeNull()
  })
})
