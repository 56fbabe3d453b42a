import { beforeAll, describe, expect, it } from '@jest/globals'

import type { Article, Media, User } from '../../src/payload-types'
import { createArticle, createImage, createLicenses, createUser } from '../support/content'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let licenses: Map<string, number>
let editor: User

beforeAll(async () => {
  licenses = await createLicenses(payload())
  await createUser(payload(), 'admin')
  editor = await createUser(payload(), 'editor')
})

const license = (spdxId: string) => licenses.get(spdxId)!
const articleName = (article: Article) => `“${article.headline}” (/articles/${article.slug})`

describe('an image in published articles keeps to its license', () => {
  let image: Media
  let live: Article

  beforeAll(async () => {
    image = await createImage(payload(), license('CC-BY-4.0'))
    live = await createArticle(payload(), { _status: 'published', heroImage: image.id })
  })

  it('refuses a non-commercial license on a commercial site with a 400 naming the article', async () => {
    await expect(payload().update({ collection: 'media', id: image.id, data: { license: license('CC-BY-NC-4.0') }, user: editor, overrideAccess: false })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining(`used by published articles: ${articleName(live)}. The image's license (CC BY-NC 4.0) forbids commercial use`),
    })
    expect((await payload().findByID({ collection: 'media', id: image.id, depth: 0 })).license).toBe(license('CC-BY-4.0'))
  })

  it('refuses marking a change under a no-derivatives license, and accepts the unchanged one', async () => {
    await payload().update({ collection: 'media', id: image.id, data: { license: license('CC-BY-ND-4.0') } })
    await expect(payload().update({ collection: 'media', id: image.id, data: { changes: 'Cropped from original' } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/forbids modified versions/),
    })
  })

  it('refuses "all rights reserved" without a permission note, and accepts it with one', async () => {
    await expect(payload().update({ collection: 'media', id: image.id, data: { license: license('LicenseRef-All-Rights-Reserved') } })).rejects.toMatchObject({ status: 400 })
    await expect(
      payload().update({ collection: 'media', id: image.id, data: { license: license('LicenseRef-All-Rights-Reserved'), permissionNote: 'Agency e-mail, 3 May 2024' } }),
    ).resolves.toMatchObject({ permissionNote: 'Agency e-mail, 3 May 2024' })
    await expect(payload().update({ collection: 'media', id: image.id, data: { permissionNote: '' } })).rejects.toThrow(/no permission from the rights holder/)
  })

  it('lets anything change once no published article uses the image', async () => {
    await payload().update({ collection: 'articles', id: live.id, data: { _status: 'draft' } })
    await expect(payload().update({ collection: 'media', id: image.id, data: { license: license('CC-BY-NC-4.0') }, depth: 0 })).resolves.toMatchObject({ license: license('CC-BY-NC-4.0') })
  })
})

describe('a license in use keeps its terms', () => {
  it('refuses to stop allowing commercial use while published articles use an image under it, naming them', async () => {
    const terms = await payload().create({ collection: 'licenses', data: { name: 'Agency terms', shortName: 'Agency', spdxId: 'Agency-1.0', deedUrl: 'https://agency.example/terms', allowsCommercialUse: true, allowsModification: true } })
    const image = await createImage(payload(), terms.id)
    const live = await createArticle(payload(), { _status: 'published', heroImage: image.id })
    await createArticle(payload(), { _status: 'draft', heroImage: image.id })
    const error = await payload()
      .update({ collection: 'licenses', id: terms.id, data: { allowsCommercialUse: false }, user: editor, overrideAccess: false })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 400, message: expect.stringContaining(`used by published articles: ${articleName(live)}.`) })
    expect((await payload().findByID({ collection: 'licenses', id: terms.id })).allowsCommercialUse).toBe(true)
    // A new name is not a new term.
    await expect(payload().update({ collection: 'licenses', id: terms.id, data: { shortName: 'Agency 2' } })).resolves.toMatchObject({ shortName: 'Agency 2' })
  })
})

describe('the site’s own use', () => {
  it('cannot turn commercial while published articles show non-commercial images, naming them', async () => {
    await payload().updateGlobal({ slug: 'site-settings', data: { commercial: false } })
    const image = await createImage(payload(), license('CC-BY-NC-4.0'))
    const live = await createArticle(payload(), { _status: 'published', heroImage: image.id })
    await expect(payload().updateGlobal({ slug: 'site-settings', data: { commercial: true } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining(`used by published articles: ${articleName(live)}. The image's license (CC BY-NC 4.0) forbids commercial use`),
    })
    await payload().update({ collection: 'articles', id: live.id, data: { _status: 'draft' } })
    await expect(payload().updateGlobal({ slug: 'site-settings', data: { commercial: true } })).resolves.toMatchObject({ commercial: true })
  })
})

describe('a scheduled publish whose image breaks a rule', () => {
  it('fails visibly: the job records why, the article stays a draft and the editor sees the reason on it', async () => {
    const image = await createImage(payload(), license('CC-BY-NC-4.0'))
    const article = await createArticle(payload(), { _status: 'draft', heroImage: image.id })
    const job = await payload().jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1000),
      input: { type: 'publish', doc: { relationTo: 'articles', value: article.id }, user: { relationTo: 'users', value: editor.id } },
    })
    await payload().jobs.run({ allQueues: true })

    const ran = await payload().findByID({ collection: 'payload-jobs', id: job.id })
    expect(ran.hasError).toBe(true)
    expect(JSON.stringify(ran.log)).toContain('forbids commercial use')
    const asEditor = await payload().findByID({ collection: 'articles', id: article.id, draft: true, user: editor, overrideAccess: false })
    expect(asEditor._status).toBe('draft')
    expect(asEditor.scheduleFailure).toMatch(/^The publish scheduled for .* did not happen, and the article is still a draft: This article cannot be published: its image .* forbids commercial use/)
    const asReader = await payload().find({ collection: 'articles', where: { id: { equals: article.id } }, overrideAccess: false })
    expect(asReader.totalDocs).toBe(0)
  })
})
