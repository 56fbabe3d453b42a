import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { LICENSE_CATALOG } from '../../src/licensing/catalog'
import { paragraphsToLexical } from '../../src/lib/richText'
import type { Media } from '../../src/payload-types'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
const licenseIds = new Map<string, number>()
let counter = 0

beforeAll(async () => {
  for (const license of LICENSE_CATALOG) {
    const doc = await payload().create({ collection: 'licenses', data: { ...license } })
    licenseIds.set(license.spdxId, doc.id)
  }
})

async function image(spdxId: string, extra: Partial<Media> = {}): Promise<Media> {
  const data = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#777' } }).jpeg().toBuffer()
  counter += 1
  return payload().create({
    collection: 'media',
    data: { alt: `Image ${counter}`, creator: 'Jane Doe', license: licenseIds.get(spdxId)!, ...extra },
    file: { data, mimetype: 'image/jpeg', name: `rule-${counter}.jpg`, size: data.length },
  })
}

function article(heroImage: number, status: 'draft' | 'published') {
  counter += 1
  return payload().create({
    collection: 'articles',
    data: { headline: `Rule test ${counter}`, slug: `rule-test-${counter}`, body: paragraphsToLexical(['x']), heroImage, _status: status },
    draft: status === 'draft',
  })
}

describe('publishing rules for the article image', () => {
  it('publishes with a CC BY image', async () => {
    await expect(article((await image('CC-BY-4.0')).id, 'published')).resolves.toMatchObject({ _status: 'published' })
  })

  it('refuses a non-commercial image on a commercial site, naming the rule and the image; drafts still save', async () => {
    const nc = await image('CC-BY-NC-4.0')
    await expect(article(nc.id, 'published')).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(new RegExp(`its image “${nc.alt}” \\(${nc.filename}\\).*CC BY-NC 4\\.0\\) forbids commercial use`)),
    })
    await expect(article(nc.id, 'draft')).resolves.toMatchObject({ _status: 'draft' })
  })

  it('allows it once the site is set as non-commercial', async () => {
    await payload().updateGlobal({ slug: 'site-settings', data: { commercial: false } })
    const published = await article((await image('CC-BY-NC-4.0')).id, 'published')
    expect(published._status).toBe('published')
    // The site may turn commercial again only once no published article shows the image.
    await payload().update({ collection: 'articles', id: published.id, data: { _status: 'draft' } })
    await payload().updateGlobal({ slug: 'site-settings', data: { commercial: true } })
  })

  it('refuses a changed (cropped) image under a no-derivatives license, but not the unchanged one', async () => {
    await expect(article((await image('CC-BY-ND-4.0', { changes: 'Cropped from original' })).id, 'published')).rejects.toThrow(/forbids modified versions/)
    await expect(article((await image('CC-BY-ND-4.0')).id, 'published')).resolves.toMatchObject({ _status: 'published' })
  })

  it('refuses "all rights reserved" without a recorded permission, and allows it with one', async () => {
    await expect(article((await image('LicenseRef-All-Rights-Reserved')).id, 'published')).rejects.toThrow(/no permission from the rights holder is recorded/)
    const granted = await image('LicenseRef-All-Rights-Reserved', { permissionNote: 'E-mail from the agency, 3 May 2024: web use granted.' })
    await expect(article(granted.id, 'published')).resolves.toMatchObject({ _status: 'published' })
  })

  it('refuses an image whose license requires credit but has no creator', async () => {
    await expect(article((await image('CC-BY-4.0', { creator: '' })).id, 'published')).rejects.toThrow(/no creator is recorded/)
  })

  it('keeps the permission note out of anonymous reads', async () => {
    const granted = await image('LicenseRef-All-Rights-Reserved', { permissionNote: 'secret terms' })
    await article(granted.id, 'published')
    const anonymous = await payload().findByID({ collection: 'media', id: granted.id, overrideAccess: false })
    expect(anonymous.permissionNote).toBeUndefined()
  })
})
