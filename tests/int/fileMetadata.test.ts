import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { originalsDir } from '../../src/collections/Media/files/keptOriginal'
import type { License, Media } from '../../src/payload-types'
import { exiftool as readTags, filesOf, mediaDir, writeQueuedImageFiles } from '../support/images'
import { usePayload } from '../support/usePayload'

const payload = usePayload()

let license: License
let media: Media

async function xmpOf(file: string): Promise<string> {
  const { xmp } = await sharp(path.join(mediaDir(), file)).metadata()
  return xmp?.toString('utf8') ?? ''
}

/** exiftool reads the files independently of sharp, and is required (see tests/support/images.ts). */
const CREDIT_TAGS = ['-XMP-xmpRights:all', '-XMP-plus:all', '-XMP-photoshop:Credit', '-XMP-dc:all', '-EXIF:Artist', '-EXIF:Copyright', '-EXIF:XPAuthor']
const exiftool = (file: string) => readTags(path.join(mediaDir(), file), CREDIT_TAGS)

beforeAll(async () => {
  license = await payload().create({
    collection: 'licenses',
    data: { name: 'Creative Commons Attribution 4.0 International', shortName: 'CC BY 4.0', spdxId: 'CC-BY-4.0', deedUrl: 'https://creativecommons.org/licenses/by/4.0/', allowsCommercialUse: true, allowsModification: true },
  })
  const data = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#468' } }).jpeg().toBuffer()
  media = await payload().create({
    collection: 'media',
    data: { alt: 'Test', creator: 'Официальный веб-сайт Президента Российской Федерации', creatorUrl: 'http://kremlin.ru/', sourceUrl: 'http://kremlin.ru/', license: license.id },
    file: { data, mimetype: 'image/jpeg', name: 'meta.jpg', size: data.length },
  })
  await writeQueuedImageFiles(payload())
  media = await payload().findByID({ collection: 'media', id: media.id })
})

describe('credit metadata inside the image files', () => {
  it('is written as XMP into the original and every size, Cyrillic intact', async () => {
    // The original, and five widths in JPEG, WebP and AVIF.
    expect(filesOf(media)).toHaveLength(16)
    for (const file of filesOf(media)) {
      const xmp = await xmpOf(file)
      expect(xmp).toContain('https://creativecommons.org/licenses/by/4.0/')
      expect(xmp).toContain('Официальный веб-сайт Президента Российской Федерации')
      expect(xmp).toMatch(/photoshop:Credit/)
    }
  })

  it('reads back with exiftool: web statement, licensor, credit line, creator, rights, EXIF copyright', () => {
    const tags = exiftool(media.sizes!.w768!.filename!)
    expect(tags).toMatchObject({
      WebStatement: 'https://creativecommons.org/licenses/by/4.0/',
      LicensorURL: 'http://kremlin.ru/',
      Credit: 'Photo: Официальный веб-сайт Президента Российской Федерации, CC BY 4.0',
      Creator: 'Официальный веб-сайт Президента Российской Федерации',
      Copyright: 'CC BY 4.0',
      XPAuthor: 'Официальный веб-сайт Президента Российской Федерации',
    })
    expect(String(tags.Rights)).toContain('Официальный веб-сайт')
  })

  it.each(['w768_avif', 'w768_webp'])('is inside the %s variant too, read back with exiftool', (size) => {
    const file = media.sizes![size as 'w768_avif']!.filename!
    expect(exiftool(file)).toMatchObject({
      WebStatement: 'https://creativecommons.org/licenses/by/4.0/',
      Credit: 'Photo: Официальный веб-сайт Президента Российской Федерации, CC BY 4.0',
      Creator: 'Официальный веб-сайт Президента Российской Федерации',
    })
  })

  it('keeps the untouched upload outside the served folder', () => {
    expect(fs.existsSync(path.join(originalsDir(mediaDir()), 'meta.jpg'))).toBe(true)
  })

  it('is rewritten when the license record changes', async () => {
    await payload().update({ collection: 'licenses', id: license.id, data: { deedUrl: 'https://creativecommons.org/licenses/by/4.0/deed.en' } })
    // Queued, not done inside the request.
    expect(await xmpOf(media.filename!)).not.toContain('deed.en')
    await payload().jobs.run()
    for (const file of filesOf(media)) expect(await xmpOf(file)).toContain('https://creativecommons.org/licenses/by/4.0/deed.en')
  })

  it('is rewritten when the image’s credit changes, from the untouched upload', async () => {
    const updated = await payload().update({ collection: 'media', id: media.id, data: { creator: 'Jane Doe' } })
    await payload().jobs.run()
    const xmp = await xmpOf(updated.filename!)
    expect(xmp).toContain('Jane Doe')
    expect(xmp).not.toContain('Официальный')
    expect(exiftool(updated.filename!)).toMatchObject({ Artist: 'Jane Doe' })
    const { width, height } = await sharp(path.join(mediaDir(), updated.filename!)).metadata()
    expect([width, height]).toEqual([1200, 800])
  })

  it('exposes the computed credit and the license permissions in the API document', async () => {
    const doc = await payload().findByID({ collection: 'media', id: media.id, depth: 0 })
    expect(doc.credit?.text).toBe('Photo: Jane Doe, CC BY 4.0')
    expect(doc.credit?.html).toContain('rel="license"')
    expect(doc.licensePermissions).toMatchObject({ commercialUse: true, modification: true, attributionRequired: true, shareAlike: false })
  })

  it('removes the kept original with the media document', async () => {
    await payload().delete({ collection: 'media', id: media.id })
    expect(fs.existsSync(path.join(originalsDir(mediaDir()), 'meta.jpg'))).toBe(false)
  })
})
