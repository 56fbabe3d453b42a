import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { isPublicMediaFile } from '../../src/domain/media/visibility'
import type { Media, User } from '../../src/payload-types'
import { createArticle, createImage, createLicenses, createUser } from '../support/content'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let licenseId: number
let contributor: User
let editor: User

const filesOf = (image: Media) => [image.filename!, ...Object.values(image.sizes ?? {}).map((size) => size!.filename!)]

beforeAll(async () => {
  licenseId = (await createLicenses(payload())).get('CC-BY-4.0')!
  await createUser(payload(), 'admin')
  contributor = await createUser(payload(), 'contributor')
  editor = await createUser(payload(), 'editor')
})

describe('an image for an unpublished story', () => {
  let image: Media

  beforeAll(async () => {
    image = await createImage(payload(), licenseId)
    await createArticle(payload(), { _status: 'draft', heroImage: image.id })
  })

  it('is hidden from readers: not found by id, not listed, none of its files public', async () => {
    await expect(payload().findByID({ collection: 'media', id: image.id, overrideAccess: false })).rejects.toMatchObject({ status: 404 })
    expect((await payload().find({ collection: 'media', where: { id: { equals: image.id } }, overrideAccess: false })).totalDocs).toBe(0)
    const files = filesOf(image)
    // The original and five widths in three formats (JPEG or PNG, AVIF, WebP).
    expect(files).toHaveLength(16)
    for (const file of files) expect(await isPublicMediaFile(payload(), file)).toBe(false)
  })

  it('is visible to the newsroom', async () => {
    await expect(payload().findByID({ collection: 'media', id: image.id, user: contributor, overrideAccess: false })).resolves.toMatchObject({ id: image.id })
  })

  it('becomes public, files and all, when an article using it is published', async () => {
    await createArticle(payload(), { _status: 'published', heroImage: image.id })
    await expect(payload().findByID({ collection: 'media', id: image.id, overrideAccess: false })).resolves.toMatchObject({ id: image.id, public: true })
    for (const file of filesOf(image)) expect(await isPublicMediaFile(payload(), file)).toBe(true)
  })
})

describe('marking an image public', () => {
  it('is for editors: a contributor cannot, an editor can', async () => {
    const image = await createImage(payload(), licenseId)
    const data = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } }).png().toBuffer()
    const byContributor = await payload().create({
      collection: 'media',
      data: { alt: 'Contributed', license: licenseId, public: true },
      file: { data, mimetype: 'image/png', name: 'contributed.png', size: data.length },
      user: contributor,
      overrideAccess: false,
    })
    expect(byContributor.public).toBe(false)
    await payload().update({ collection: 'media', id: image.id, data: { public: true }, user: editor, overrideAccess: false })
    expect(await isPublicMediaFile(payload(), image.filename!)).toBe(true)
  })
})

describe('an image chosen as the site logo', () => {
  it('becomes public: the logo is in every page’s structured data and the feeds', async () => {
    const logo = await createImage(payload(), licenseId)
    await expect(payload().findByID({ collection: 'media', id: logo.id, overrideAccess: false })).rejects.toMatchObject({ status: 404 })
    await payload().updateGlobal({ slug: 'site-settings', data: { logo: logo.id } })
    await expect(payload().findByID({ collection: 'media', id: logo.id, overrideAccess: false })).resolves.toMatchObject({ id: logo.id, public: true })
  })
})
