import fs from 'node:fs'

import { beforeAll, describe, expect, it } from '@jest/globals'
import type { PayloadRequest } from 'payload'
import sharp from 'sharp'

import type { License, Media } from '../../src/payload-types'
import { createLicense, digest, fileSize, filesOf, keptOriginalFile, mediaFile, pixelDigest, upload } from '../support/images'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let license: License
let upload0: Buffer
let doc: Media

/** Left half red, right half blue: where a crop lies shows in the colour of the result. */
async function twoHalves(): Promise<Buffer> {
  const red = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#d00' } }).png().toBuffer()
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: '#00d' } }).composite([{ input: red, left: 0, top: 0 }]).jpeg({ quality: 90 }).toBuffer()
}

/** An update as the admin's image editor sends it (edits in the query string). */
function editImage(id: Media['id'], uploadEdits: object, data: Partial<Media> = {}): Promise<Media> {
  return payload().update({ collection: 'media', id, data, req: { query: { uploadEdits } } as Partial<PayloadRequest> })
}

async function centreColour(file: string): Promise<number[]> {
  const { width, height } = await sharp(mediaFile(file)).metadata()
  const { data } = await sharp(mediaFile(file)).extract({ left: Math.floor(width / 2), top: Math.floor(height / 2), width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true })
  return [...data]
}

function expectUploadKept(): void {
  expect(digest(fs.readFileSync(keptOriginalFile(doc.filename!)))).toBe(digest(upload0))
}

beforeAll(async () => {
  license = await createLicense(payload())
  upload0 = await twoHalves()
  doc = await upload(payload(), license, 'halves.jpg', upload0)
})

describe('the kept original is the upload, always', () => {
  it('keeps the upload byte for byte (it had no metadata to remove)', () => {
    expectUploadKept()
  })

  it('a focal-point edit leaves it alone, and every file keeps its credit', async () => {
    const updated = await editImage(doc.id, { focalPoint: { x: 20, y: 30 } })
    expect([updated.focalX, updated.focalY]).toEqual([20, 30])
    expectUploadKept()
    for (const file of filesOf(updated)) expect(String((await sharp(mediaFile(file)).metadata()).xmp)).toContain('Jane Doe')
  })

  it('a crop leaves it alone; the crop is recorded as a region of the upload and noted as a change', async () => {
    doc = await editImage(doc.id, { crop: { x: 50, y: 0, width: 50, height: 100, unit: '%' }, widthInPixels: 600, heightInPixels: 800 })
    expectUploadKept()
    expect(doc.sourceCrop).toEqual({ left: 600, top: 0, width: 600, height: 800 })
    expect(doc.changes).toBe('Cropped from original')
    expect([doc.width, doc.height]).toEqual([600, 800])
    const [red, , blue] = await centreColour(doc.filename!)
    expect(blue).toBeGreaterThan(200)
    expect(red).toBeLessThan(30)
    expect(doc.filesize).toBe(fileSize(doc.filename!))
    for (const size of Object.values(doc.sizes ?? {})) if (size?.filename) expect(size.filesize).toBe(fileSize(size.filename))
  })

  it('later rewrites cut the same region from the upload, so the pixels never drift', async () => {
    const afterCrop = await pixelDigest(mediaFile(doc.filename!))
    for (const creator of ['Second Name', 'Third Name']) {
      await payload().update({ collection: 'media', id: doc.id, data: { creator } })
      await payload().jobs.run()
    }
    const rewritten = await payload().findByID({ collection: 'media', id: doc.id })
    expect(String((await sharp(mediaFile(rewritten.filename!)).metadata()).xmp)).toContain('Third Name')
    // Re-encoding the served JPEG each time would change these.
    expect(await pixelDigest(mediaFile(rewritten.filename!))).toEqual(afterCrop)
    expect(rewritten.filesize).toBe(fileSize(rewritten.filename!))
    expectUploadKept()
  })

  it('a crop of a crop is placed in the upload’s pixels', async () => {
    doc = await editImage(doc.id, { crop: { x: 50, y: 50, width: 50, height: 50, unit: '%' }, widthInPixels: 300, heightInPixels: 400 })
    expect(doc.sourceCrop).toEqual({ left: 900, top: 400, width: 300, height: 400 })
    expect((await sharp(mediaFile(doc.filename!)).metadata()).width).toBe(300)
    expectUploadKept()
  })

  it('a duplicated image gets its own kept original and credited files', async () => {
    const copy = await payload().duplicate({ collection: 'media', id: doc.id })
    expect(copy.filename).not.toBe(doc.filename)
    expect(fs.existsSync(keptOriginalFile(copy.filename!))).toBe(true)
    // Its kept original is the (already cropped) copy, so no crop region applies to it.
    expect(copy.sourceCrop).toEqual({ left: null, top: null, width: null, height: null })
    expect([copy.width, copy.height]).toEqual([300, 400])
    for (const file of filesOf(copy)) expect(String((await sharp(mediaFile(file)).metadata()).xmp)).toContain('Third Name')
  })

  it('a new file replaces it', async () => {
    const next = await sharp({ create: { width: 500, height: 400, channels: 3, background: '#0a0' } }).jpeg().toBuffer()
    const replaced = await payload().update({ collection: 'media', id: doc.id, data: {}, file: { data: next, mimetype: 'image/jpeg', name: 'green.jpg', size: next.length } })
    expect(digest(fs.readFileSync(keptOriginalFile(replaced.filename!)))).toBe(digest(next))
    expect(replaced.sourceCrop).toEqual({ left: null, top: null, width: null, height: null })
    expect(fs.existsSync(keptOriginalFile('halves.jpg'))).toBe(false)
  })
})
