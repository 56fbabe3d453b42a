import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'

import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import { WasmBuilder } from '@contentauth/c2pa-wasm'
import sharp from 'sharp'

import { makeCoseSigner } from '../../src/provenance/coseSigner'
import { toSigningCredentials } from '../../src/provenance/credentials'
import { createDevChain } from '../../src/provenance/devCertificates'
import { CREATIVE_WORK, TRAINING_MINING } from '../../src/provenance/manifest'
import { type ContentCredentialSummary, readContentCredentials } from '../../src/provenance/read'
import { BytesBlob } from '../../src/provenance/sdk'
import type { License, Media } from '../../src/payload-types'
import { createLicense, filesOf, keptOriginalFile, mediaFile, upload, uploadOnly } from '../support/images'
import { withoutManifest } from '../support/imageData'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' }
const GPS_LATITUDE = '39,21.102N'

/** The trust anchor of this run's development chain (tests/support/env.ts gives each file its own). */
const trustAnchor = () => fs.readFileSync(path.join(process.env.C2PA_DEV_DIR!, 'dev-root.pem'), 'utf8')

async function credentialsOf(file: string): Promise<ContentCredentialSummary> {
  const read = await readContentCredentials(fs.readFileSync(mediaFile(file)), MIME[file.split('.').pop()!]!, trustAnchor())
  if (!read) throw new Error(`${file} carries no Content Credentials`)
  return read
}

const assertion = (read: ContentCredentialSummary, label: string) => read.assertions.find((entry) => entry.label === label)?.data as Record<string, unknown> | undefined

let license: License
let media: Media

beforeAll(async () => {
  license = await createLicense(payload())
  const data = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#468' } }).jpeg().toBuffer()
  media = await upload(payload(), license, 'harbour.jpg', data, { creator: 'Jane Doe', creatorUrl: 'https://jane.example/', title: 'Harbour at dawn' })
})

describe('Content Credentials in every served file', () => {
  it('signs the original and every size in every format so that each validates against the trust anchor', async () => {
    expect(filesOf(media)).toHaveLength(16)
    for (const file of filesOf(media)) {
      const read = await credentialsOf(file)
      expect({ file, state: read.validationState, failures: read.failures, manifests: read.manifestCount }).toEqual({ file, state: 'Trusted', failures: [], manifests: 1 })
    }
  })

  it('states the credit of the media record and the mining terms of the site settings', async () => {
    const doc = await payload().findByID({ collection: 'media', id: media.id })
    const read = await credentialsOf(media.sizes!.w768_webp!.filename!)
    expect(assertion(read, CREATIVE_WORK)).toMatchObject({
      '@type': 'CreativeWork',
      name: 'Harbour at dawn',
      author: [{ name: 'Jane Doe', url: 'https://jane.example/' }],
      license: 'https://creativecommons.org/licenses/by/4.0/',
      creditText: doc.credit!.text,
      copyrightNotice: '© Jane Doe',
    })
    // Site settings default to reserving mining.
    expect(assertion(read, TRAINING_MINING)).toEqual({
      entries: { 'cawg.ai_generative_training': { use: 'notAllowed' }, 'cawg.ai_inference': { use: 'notAllowed' }, 'cawg.ai_training': { use: 'notAllowed' }, 'cawg.data_mining': { use: 'notAllowed' } },
    })
    expect(read.actions.map((action) => action.action)).toEqual(['c2pa.opened', 'c2pa.resized', 'c2pa.converted', 'c2pa.edited.metadata'])
    expect(read.ingredients).toEqual([{ title: 'harbour.jpg', relationship: 'parentOf', activeManifest: null }])
    expect((await credentialsOf(media.filename!)).actions.map((action) => action.action)).toEqual(['c2pa.opened', 'c2pa.edited.metadata'])
  })

  it('signs the admin thumbnail the upload request writes, before the job writes the rest', async () => {
    const data = await sharp({ create: { width: 1000, height: 700, channels: 3, background: '#864' } }).jpeg().toBuffer()
    const readFile = fsp.readFile
    const readsOfStoredFile: string[] = []
    const spy = jest.spyOn(fsp, 'readFile').mockImplementation((async (...args: Parameters<typeof fsp.readFile>) => {
      readsOfStoredFile.push(path.basename(String(args[0])))
      return readFile(...args)
    }) as typeof fsp.readFile)
    const pending = await uploadOnly(payload(), license, 'pending.jpg', data, { creator: 'Jane Doe' }).finally(() => spy.mockRestore())
    expect(pending.fileVersion ?? null).toBeNull()
    // Its stored file is the upload as Payload wrote it, with no credit yet: the answer does not
    // copy it into the SDK (whose memory never shrinks) to report nothing.
    expect(pending.contentCredentials).toEqual({ label: null, signedBy: null, signerIssuer: null, signedAt: null, validationState: null, valid: null, actions: null })
    expect(readsOfStoredFile).not.toContain(pending.filename)
    const read = await credentialsOf(pending.sizes!.w320!.filename!)
    expect({ state: read.validationState, manifests: read.manifestCount }).toEqual({ state: 'Trusted', manifests: 1 })
    expect(assertion(read, CREATIVE_WORK)).toMatchObject({ author: [{ name: 'Jane Doe' }] })
    expect(read.actions.map((action) => action.action)).toEqual(['c2pa.opened', 'c2pa.resized', 'c2pa.edited.metadata'])
  })

  it('fails validation when a byte of a served file changes', async () => {
    const bytes = fs.readFileSync(mediaFile(media.sizes!.w480!.filename!))
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x55
    const read = await readContentCredentials(bytes, 'image/jpeg', trustAnchor())
    expect(read?.validationState).toBe('Invalid')
    expect(read?.failures).toContain('assertion.dataHash.mismatch')
  })

  it('is in the media API: manifest label, signer and whether it validates', async () => {
    const doc = await payload().findByID({ collection: 'media', id: media.id })
    const read = await credentialsOf(media.filename!)
    expect(doc.contentCredentials).toMatchObject({ label: read.label, signedBy: 'Publication development signer (not trusted)', validationState: 'Trusted', valid: true })
    expect(doc.contentCredentials?.actions).toEqual(read.actions)
  })

  it('signs again on a credit change: a new valid manifest, the old one not kept', async () => {
    const before = await credentialsOf(media.sizes!.w320_avif!.filename!)
    await payload().update({ collection: 'media', id: media.id, data: { creator: 'John Roe' } })
    await payload().jobs.run()
    const doc = await payload().findByID({ collection: 'media', id: media.id })
    const after = await credentialsOf(doc.sizes!.w320_avif!.filename!)
    expect(after).toMatchObject({ validationState: 'Trusted', manifestCount: 1 })
    expect(after.label).not.toBe(before.label)
    expect(assertion(after, CREATIVE_WORK)).toMatchObject({ author: [{ name: 'John Roe' }], copyrightNotice: '© John Roe' })
    expect(doc.contentCredentials).toMatchObject({ label: (await credentialsOf(doc.filename!)).label, valid: true })
  })

  it('re-signs every served file as it is when the site allows mining: new terms, one manifest, pixels and metadata untouched', async () => {
    const before = await payload().findByID({ collection: 'media', id: media.id })
    const files = filesOf(before)
    const previous = new Map(await Promise.all(files.map(async (file) => [file, { bytes: fs.readFileSync(mediaFile(file)), label: (await credentialsOf(file)).label }] as const)))
    // Were anything re-encoded, it would come from the kept upload: a different picture now.
    fs.writeFileSync(keptOriginalFile(before.filename!), await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#f00' } }).jpeg().toBuffer())
    await payload().updateGlobal({ slug: 'site-settings', data: { tdm: 'allowed' } })
    await payload().jobs.run()
    const after = await payload().findByID({ collection: 'media', id: media.id })
    expect(filesOf(after)).toEqual(files)
    for (const file of files) {
      const bytes = fs.readFileSync(mediaFile(file))
      const mimeType = MIME[file.split('.').pop()!]!
      const read = await credentialsOf(file)
      expect({ file, state: read.validationState, failures: read.failures, manifests: read.manifestCount }).toEqual({ file, state: 'Trusted', failures: [], manifests: 1 })
      expect(read.label).not.toBe(previous.get(file)!.label)
      expect(assertion(read, TRAINING_MINING)).toEqual({
        entries: { 'cawg.ai_generative_training': { use: 'allowed' }, 'cawg.ai_inference': { use: 'allowed' }, 'cawg.ai_training': { use: 'allowed' }, 'cawg.data_mining': { use: 'allowed' } },
      })
      expect(read.ingredients).toEqual([{ title: 'harbour.jpg', relationship: 'parentOf', activeManifest: null }])
      expect({ file, unchanged: withoutManifest(bytes, mimeType).equals(withoutManifest(previous.get(file)!.bytes, mimeType)) }).toEqual({ file, unchanged: true })
    }
    // The record follows the files: new byte sizes and version, the API reads the new manifest.
    expect(after.fileVersion).not.toBe(before.fileVersion)
    expect(after.filesize).toBe(fs.statSync(mediaFile(after.filename!)).size)
    expect(after.sizes!.w320_avif!.filesize).toBe(fs.statSync(mediaFile(after.sizes!.w320_avif!.filename!)).size)
    expect(after.contentCredentials).toMatchObject({ label: (await credentialsOf(after.filename!)).label, validationState: 'Trusted' })
  })

  it('writes the files afresh from the kept upload when one was altered, instead of vouching for it', async () => {
    const doc = await payload().findByID({ collection: 'media', id: media.id })
    const altered = mediaFile(doc.sizes!.w480!.filename!)
    const bytes = fs.readFileSync(altered)
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x55
    fs.writeFileSync(altered, bytes)
    await payload().updateGlobal({ slug: 'site-settings', data: { tdm: 'reserved' } })
    await payload().jobs.run()
    const after = await payload().findByID({ collection: 'media', id: media.id })
    for (const file of filesOf(after)) {
      const read = await credentialsOf(file)
      expect({ file, state: read.validationState, mining: (assertion(read, TRAINING_MINING) as { entries: Record<string, { use: string }> }).entries['cawg.data_mining']!.use }).toEqual({ file, state: 'Trusted', mining: 'notAllowed' })
    }
    // Re-encoded from the kept upload (the red picture the previous test put there).
    const { channels } = await sharp(mediaFile(after.sizes!.w480!.filename!)).stats()
    expect(channels[0]!.mean).toBeGreaterThan(200)
  })
})

describe('an upload that already carries Content Credentials', () => {
  let camera: { label: string }
  let signed: Media

  beforeAll(async () => {
    // A camera's manifest, with a location among its assertions, signed by the camera maker's chain.
    const maker = await createDevChain({ organisation: 'Camera Maker' })
    const credentials = toSigningCredentials({ keyPem: maker.keyPem, chainPem: maker.chainPem, trustAnchorsPem: maker.rootPem, development: true })
    const pixels = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#a63' } }).jpeg().withExif({ IFD0: { Make: 'Cam' } }).toBuffer()
    const builder = WasmBuilder.fromJson(JSON.stringify({ title: 'IMG_0001.jpg', format: 'image/jpeg', claim_generator_info: [{ name: 'camera', version: '1' }] }))
    builder.addAction({ action: 'c2pa.created', digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture' })
    builder.addAssertion('stds.exif', { '@context': { exif: 'http://ns.adobe.com/exif/1.0/' }, 'exif:GPSLatitude': GPS_LATITUDE, 'exif:GPSLongitude': '74,26.5737W', 'exif:Make': 'Cam' })
    const bytes = Buffer.from(await builder.sign(makeCoseSigner(credentials), [], 'image/jpeg', new BytesBlob(pixels)))
    builder.free()
    camera = { label: (await readContentCredentials(bytes, 'image/jpeg', maker.rootPem))!.label }
    signed = await upload(payload(), license, 'camera.jpg', bytes)
  })

  it('keeps the camera manifest as parent ingredient of every served file', async () => {
    for (const file of filesOf(signed)) {
      const read = await credentialsOf(file)
      expect({ file, state: read.validationState, manifests: read.manifestCount }).toEqual({ file, state: 'Trusted', manifests: 2 })
      expect(read.ingredients).toEqual([{ title: 'camera.jpg', relationship: 'parentOf', activeManifest: camera.label }])
      expect(read.actions[0]).toMatchObject({ action: 'c2pa.opened' })
    }
  })

  it('carries on the digital source type, records the metadata removal and redacts the location inside the parent', async () => {
    const file = signed.sizes!.w768_avif!.filename!
    const read = await credentialsOf(file)
    expect(read.actions.map((action) => action.action)).toEqual(['c2pa.opened', 'c2pa.redacted', 'c2pa.resized', 'c2pa.converted', 'c2pa.edited.metadata'])
    const opened = (assertion(read, 'c2pa.actions.v2') as { actions: Array<{ digitalSourceType?: string }> }).actions[0]
    expect(opened?.digitalSourceType).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture')
    const { WasmReader } = await import('@contentauth/c2pa-wasm')
    const store = (await WasmReader.fromBytes('image/avif', fs.readFileSync(mediaFile(file)))).json()
    expect(store).toContain(camera.label)
    expect(store).not.toContain('exif:Make')
    expect(store).not.toContain(GPS_LATITUDE)
    expect(fs.readFileSync(mediaFile(file)).includes(GPS_LATITUDE)).toBe(false)
  })

  it('keeps the camera manifest as parent, location redacted, when the files are re-signed after a mining change', async () => {
    const file = signed.sizes!.w768_avif!.filename!
    const before = fs.readFileSync(mediaFile(file))
    fs.writeFileSync(keptOriginalFile(signed.filename!), await sharp({ create: { width: 900, height: 600, channels: 3, background: '#0f0' } }).jpeg().toBuffer())
    await payload().updateGlobal({ slug: 'site-settings', data: { tdm: 'allowed' } })
    await payload().jobs.run()
    for (const served of filesOf(signed)) {
      const read = await credentialsOf(served)
      expect({ served, state: read.validationState, manifests: read.manifestCount }).toEqual({ served, state: 'Trusted', manifests: 2 })
      expect(read.ingredients).toEqual([{ title: 'camera.jpg', relationship: 'parentOf', activeManifest: camera.label }])
      expect(assertion(read, TRAINING_MINING)).toMatchObject({ entries: { 'cawg.ai_training': { use: 'allowed' } } })
    }
    const after = fs.readFileSync(mediaFile(file))
    expect(withoutManifest(after, 'image/avif').equals(withoutManifest(before, 'image/avif'))).toBe(true)
    expect((await credentialsOf(file)).actions.map((action) => action.action)).toEqual(['c2pa.opened', 'c2pa.redacted', 'c2pa.resized', 'c2pa.converted', 'c2pa.edited.metadata'])
    const { WasmReader } = await import('@contentauth/c2pa-wasm')
    const store = (await WasmReader.fromBytes('image/avif', after)).json()
    expect(store).not.toContain(GPS_LATITUDE)
    expect(after.includes(GPS_LATITUDE)).toBe(false)
    await payload().updateGlobal({ slug: 'site-settings', data: { tdm: 'reserved' } })
    await payload().jobs.run()
  })
})
