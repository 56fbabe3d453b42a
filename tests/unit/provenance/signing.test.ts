import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { CC_BY_4_0 } from '../../../src/licensing'
import { loadSigningCredentials, type SigningCredentials, TIME_STAMP_UNUSED, toSigningCredentials } from '../../../src/provenance/credentials'
import { createDevChain } from '../../../src/provenance/devCertificates'
import type { FileProvenance } from '../../../src/provenance/manifest'
import { mayEmbedManifest } from '../../../src/provenance/parent'
import { readContentCredentials } from '../../../src/provenance/read'
import { signImage } from '../../../src/provenance/sign'

const FORMATS = ['jpeg', 'png', 'webp', 'avif'] as const
const quiet = { warn: () => {}, info: () => {} }

function provenance(format: string, overrides: Partial<FileProvenance> = {}): FileProvenance {
  return {
    title: `harbour-640.${format}`,
    mimeType: `image/${format}`,
    upload: { title: 'harbour.jpg', mimeType: 'image/jpeg' },
    cropped: false,
    resizedToWidth: 640,
    credit: { title: 'Harbour', creator: 'Jane Doe', creatorUrl: 'https://jane.example/', license: CC_BY_4_0 },
    miningReserved: true,
    digitalSourceType: null,
    when: '2026-11-30T10:00:00.000Z',
    ...overrides,
  }
}

let dir: string
let credentials: SigningCredentials

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'c2pa-'))
  credentials = await loadSigningCredentials({ devDir: path.join(dir, 'c2pa') }, quiet)
})
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

const image = (format: (typeof FORMATS)[number]) => sharp({ create: { width: 64, height: 40, channels: 3, background: '#2a6f97' } }).toFormat(format).toBuffer()

describe('signing a file with the SDK', () => {
  it.each(FORMATS)('signs %s so that it validates against the trust anchor', async (format) => {
    const signed = await signImage(await image(format), provenance(format), credentials)
    const read = await readContentCredentials(signed, `image/${format}`, credentials.trustAnchorsPem)
    expect(read).toMatchObject({ validationState: 'Trusted', valid: true, failures: [], signer: { name: 'Publication development signer (not trusted)' }, manifestCount: 1 })
    // Still the same picture to a decoder.
    expect((await sharp(Buffer.from(signed)).metadata()).width).toBe(64)
  })

  it('fails validation when one byte of the image changes', async () => {
    const signed = Buffer.from(await signImage(await image('jpeg'), provenance('jpeg'), credentials))
    signed[signed.length - 10] = signed[signed.length - 10]! ^ 0xff
    const read = await readContentCredentials(signed, 'image/jpeg', credentials.trustAnchorsPem)
    expect(read?.validationState).toBe('Invalid')
    expect(read?.failures).toContain('assertion.dataHash.mismatch')
  })

  it('is intact but not trusted against another root', async () => {
    const signed = await signImage(await image('png'), provenance('png'), credentials)
    const otherRoot = (await createDevChain({ organisation: 'Someone else' })).rootPem
    const read = await readContentCredentials(signed, 'image/png', otherRoot)
    expect(read).toMatchObject({ validationState: 'Valid', valid: true })
    expect(read?.failures).toContain('signingCredential.untrusted')
  })

  it('replaces its own manifest when signed again, never stacking them', async () => {
    const first = await signImage(await image('webp'), provenance('webp', { credit: { creator: 'Jane Doe', license: CC_BY_4_0 } }), credentials)
    const second = await signImage(first, provenance('webp', { credit: { creator: 'John Roe', license: CC_BY_4_0 } }), credentials)
    const read = await readContentCredentials(second, 'image/webp', credentials.trustAnchorsPem)
    expect(read).toMatchObject({ validationState: 'Trusted', manifestCount: 1 })
    expect(JSON.stringify(read?.assertions)).toContain('John Roe')
    expect(JSON.stringify(read?.assertions)).not.toContain('Jane Doe')
    expect(second.length - first.length).toBeLessThan(200)
  })

  it.each(FORMATS)('tells a %s file that may embed a manifest (a JUMBF box) from one that cannot, without the SDK', async (format) => {
    const plain = await image(format)
    expect(mayEmbedManifest(plain)).toBe(false)
    expect(mayEmbedManifest(await signImage(plain, provenance(format), credentials))).toBe(true)
  })

  it('reads nothing from a file without a manifest', async () => {
    expect(await readContentCredentials(await image('avif'), 'image/avif', credentials.trustAnchorsPem)).toBeNull()
  })

  it('refuses a key that does not match the chain', async () => {
    const other = await createDevChain({ organisation: 'Other' })
    const chainPem = await fs.readFile(path.join(dir, 'c2pa', 'dev-signer-chain.pem'), 'utf8')
    expect(() => toSigningCredentials({ keyPem: other.keyPem, chainPem, trustAnchorsPem: null, development: false })).toThrow(/does not belong/)
  })

  it('says in the log that a configured time-stamp authority is not used, and signs without a time stamp', async () => {
    const warnings: string[] = []
    const logger = { warn: (_: object, message: string) => void warnings.push(message), info: () => {} }
    const withAuthority = await loadSigningCredentials({ devDir: path.join(dir, 'c2pa'), timeStampUrl: 'http://timestamp.example/' }, logger)
    expect(warnings).toEqual([TIME_STAMP_UNUSED])
    const read = await readContentCredentials(await signImage(await image('jpeg'), provenance('jpeg'), withAuthority), 'image/jpeg', withAuthority.trustAnchorsPem)
    // No time stamp: the time shown is the one the actions record.
    expect(read?.signedAt).toBe('2026-11-30T10:00:00.000Z')
    await loadSigningCredentials({ devDir: path.join(dir, 'c2pa') }, logger)
    expect(warnings).toHaveLength(1)
  })
})
