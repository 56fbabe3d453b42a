import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { REWRITE_MEDIA_FILES } from '../../src/jobs/rewriteMediaFiles'
import { registerPurgeTarget } from '../../src/lib/cache/purge'
import { paragraphsToLexical } from '../../src/lib/richText'
import type { License, Media } from '../../src/payload-types'
import { createLicense, mediaFile, upload } from '../support/images'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let license: License
let shown: Media
let other: Media
const purged: string[] = []
let unregister: () => void

async function flat(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 300, channels: 3, background: colour } }).jpeg().toBuffer()
}

async function xmpOf(doc: Media): Promise<string> {
  return String((await sharp(mediaFile(doc.filename!)).metadata()).xmp)
}

async function pendingRewrites(): Promise<number> {
  const { totalDocs } = await payload().count({ collection: 'payload-jobs', where: { taskSlug: { equals: REWRITE_MEDIA_FILES }, completedAt: { exists: false } } })
  return totalDocs
}

const versionOf = (url: string | null | undefined) => new URL(url!, 'http://x').searchParams.get('v')

beforeAll(async () => {
  unregister = registerPurgeTarget('test', (tags) => void purged.push(...tags))
  license = await createLicense(payload())
  shown = await upload(payload(), license, 'shown.jpg', await flat('#345'))
  other = await upload(payload(), license, 'other.jpg', await flat('#543'))
  await payload().create({
    collection: 'articles',
    data: { headline: 'Rewrite test', slug: 'rewrite-test', body: paragraphsToLexical(['x']), heroImage: shown.id, _status: 'published' },
  })
})

afterAll(() => unregister())

beforeEach(() => {
  purged.length = 0
})

describe('file rewrites leave the request path', () => {
  it('an alt-text or caption edit queues nothing', async () => {
    await payload().update({ collection: 'media', id: shown.id, data: { alt: 'Another description', caption: 'A caption' } })
    expect(await pendingRewrites()).toBe(0)
  })

  it('a credit change returns before the files change; the job rewrites them, changes the URL version and purges', async () => {
    const updated = await payload().update({ collection: 'media', id: shown.id, data: { creator: 'New Photographer' } })
    expect(await pendingRewrites()).toBe(1)
    expect(await xmpOf(updated)).not.toContain('New Photographer')
    expect(versionOf(updated.url)).toBe(shown.fileVersion)
    // The document's credit changed, so it is purged at once (src/lib/cache/changeTags.ts); the
    // files are purged again when the job has rewritten them (below).
    purged.length = 0

    await payload().jobs.run()
    const rewritten = await payload().findByID({ collection: 'media', id: shown.id })
    expect(await pendingRewrites()).toBe(0)
    expect(await xmpOf(rewritten)).toContain('New Photographer')
    expect(rewritten.fileVersion).not.toBe(shown.fileVersion)
    for (const url of [rewritten.url, ...Object.values(rewritten.sizes ?? {}).map((size) => size?.url)]) expect(versionOf(url)).toBe(rewritten.fileVersion)
    expect(purged).toEqual(expect.arrayContaining([`media:${shown.id}`, 'article:rewrite-test', 'articles', 'credits']))
  })

  it('a license edit that changes no file (a permission flag) queues nothing', async () => {
    await payload().update({ collection: 'licenses', id: license.id, data: { requiresShareAlike: true } })
    expect(await pendingRewrites()).toBe(0)
  })

  it('a license rename queues one rewrite per image under it, each purging its own pages', async () => {
    await payload().update({ collection: 'licenses', id: license.id, data: { name: 'Creative Commons Attribution 4.0 (renamed)' } })
    expect(await pendingRewrites()).toBe(2)
    await payload().jobs.run()
    expect(await pendingRewrites()).toBe(0)
    for (const doc of [shown, other]) expect(await xmpOf(doc)).toContain('(renamed)')
    expect(purged).toEqual(expect.arrayContaining([`media:${shown.id}`, `media:${other.id}`, 'article:rewrite-test']))
  })

  it('skips an image deleted before its rewrite ran', async () => {
    await payload().update({ collection: 'media', id: other.id, data: { creator: 'Gone Soon' } })
    await payload().delete({ collection: 'media', id: other.id })
    expect(await pendingRewrites()).toBe(1)
    await payload().jobs.run()
    // Done (Payload deletes finished jobs), not failed or waiting for a retry.
    expect(await pendingRewrites()).toBe(0)
    expect((await payload().count({ collection: 'payload-jobs', where: { hasError: { equals: true } } })).totalDocs).toBe(0)
  })
})
