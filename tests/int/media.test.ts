import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { writeQueuedImageFiles } from '../support/images'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let licenseId: number

beforeAll(async () => {
  const license = await payload().create({
    collection: 'licenses',
    data: { name: 'Creative Commons Attribution 4.0 International', shortName: 'CC BY 4.0', spdxId: 'CC-BY-4.0', deedUrl: 'https://creativecommons.org/licenses/by/4.0/' },
  })
  licenseId = license.id
})

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#4a6' } }).png().toBuffer()
}

describe('media uploads', () => {
  it('stores an image with every width variant and the credit in any script', async () => {
    const data = await png(900, 600)
    const created = await payload().create({
      collection: 'media',
      data: { alt: 'A green field', creator: '新华社 / وكالة', license: licenseId },
      file: { data, mimetype: 'image/png', name: 'field.png', size: data.length },
    })
    await writeQueuedImageFiles(payload())
    const doc = await payload().findByID({ collection: 'media', id: created.id })
    expect(doc.creator).toBe('新华社 / وكالة')
    expect(doc.sizes?.w768).toMatchObject({ width: 768, height: 512, filename: 'field-w768.png' })
    // Smaller originals are enlarged so the loader never points at a missing file.
    expect(doc.sizes?.w1600).toMatchObject({ width: 1600, filename: 'field-w1600.png' })
  })

  it('requires alt text and a license', async () => {
    const data = await png(10, 10)
    await expect(
      payload().create({ collection: 'media', data: {} as never, file: { data, mimetype: 'image/png', name: 'x.png', size: data.length } }),
    ).rejects.toMatchObject({ data: { errors: expect.arrayContaining([expect.objectContaining({ path: 'alt' }), expect.objectContaining({ path: 'license' })]) } })
  })

  it('rejects a text file disguised as a JPEG', async () => {
    const data = Buffer.from('just some text pretending to be a photo\n'.repeat(20))
    await expect(
      payload().create({ collection: 'media', data: { alt: 'x', license: licenseId }, file: { data, mimetype: 'image/jpeg', name: 'photo.jpg', size: data.length } }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/^This file is not allowed: it is not a JPEG, PNG, WebP or AVIF image/) })
    expect((await payload().count({ collection: 'media', where: { filename: { equals: 'photo.jpg' } } })).totalDocs).toBe(0)
  })

  it('rejects an unsafe creator URL', async () => {
    const data = await png(10, 10)
    await expect(
      payload().create({
        collection: 'media',
        data: { alt: 'x', license: licenseId, creatorUrl: 'javascript:alert(1)' },
        file: { data, mimetype: 'image/png', name: 'y.png', size: data.length },
      }),
    ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'creatorUrl' })] } })
  })

  it.each([
    ['creatorUrl', 'https://kremlin.ru@evil.example/'],
    ['sourceUrl', 'https://user:secret@kremlin.ru/photo'],
  ])('refuses a %s with credentials in it, saying why, rather than dropping the link from the credit', async (field, url) => {
    const data = await png(10, 10)
    await expect(
      payload().create({ collection: 'media', data: { alt: 'x', license: licenseId, [field]: url }, file: { data, mimetype: 'image/png', name: 'z.png', size: data.length } }),
    ).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: field, message: 'Leave out the user name and password: credits never link to an address with them in it.' }] },
    })
  })
})
