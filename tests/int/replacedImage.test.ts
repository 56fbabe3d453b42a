import fs from 'node:fs'

import { beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'
import sharp from 'sharp'

import { REWRITE_MEDIA_FILES, writeImageFiles } from '../../src/jobs/rewriteMediaFiles'
import type { License, Media } from '../../src/payload-types'
import { createLicense, filesOf, keptOriginalFile, mediaFile, uploadOnly, writeQueuedImageFiles } from '../support/images'
import { usePayload } from '../support/usePayload'

/**
 * An image's file job reads the image, then writes its files for seconds. If the image is deleted
 * meanwhile, and another upload is stored (SQL gives it the deleted image's id when that was the
 * highest), what the job writes must not land on the new image.
 */
const payload = usePayload()
let license: License

const photo = (colour: string) => sharp({ create: { width: 400, height: 300, channels: 3, background: colour } }).jpeg().toBuffer()
const asJob = async () => createLocalReq({}, payload())
const xmpOf = async (filename: string) => String((await sharp(mediaFile(filename)).metadata()).xmp)

/** The image as its job read it, before the editor deleted it. */
async function readThenDeleted(name: string, creator: string): Promise<Media> {
  const read = await uploadOnly(payload(), license, name, await photo('#468'), { creator })
  await payload().delete({ collection: 'media', id: read.id })
  return read
}

/** The deleted image's kept upload, as the job's worker had read it before the delete removed it. */
function alreadyReadBy(stale: Media, kept: Buffer): () => void {
  fs.writeFileSync(keptOriginalFile(stale.filename!), kept)
  return () => fs.rmSync(keptOriginalFile(stale.filename!))
}

beforeAll(async () => {
  license = await createLicense(payload())
})

describe('an image deleted while its files are being written', () => {
  it('leaves the image stored after it untouched, whether or not it took the same id, and leaves no file behind', async () => {
    const stale = await readThenDeleted('deleted-meanwhile.jpg', 'Deleted Photographer')
    const forget = alreadyReadBy(stale, await photo('#468'))
    const next = await uploadOnly(payload(), license, 'stored-after.jpg', await photo('#864'), { creator: 'Next Photographer' })
    await writeQueuedImageFiles(payload())
    const before = await payload().findByID({ collection: 'media', id: next.id, depth: 0 })

    expect(await writeImageFiles(stale, { resignOnly: false }, await asJob())).toBeUndefined()
    forget()

    const after = await payload().findByID({ collection: 'media', id: next.id, depth: 0 })
    expect(after).toEqual(before)
    for (const file of filesOf(after)) expect(await xmpOf(file)).toContain('Next Photographer')
    const leftBehind = fs.readdirSync(process.env.MEDIA_DIR!).filter((file) => file.startsWith('deleted-meanwhile'))
    expect(leftBehind).toEqual([])
  })

  it('writes the files again for a new image stored under the freed file name, with its own credit', async () => {
    const stale = await readThenDeleted('same-name.jpg', 'Deleted Photographer')
    const next = await uploadOnly(payload(), license, 'same-name.jpg', await photo('#864'), { creator: 'Next Photographer' })
    expect(next.filename).toBe(stale.filename)
    await writeQueuedImageFiles(payload())

    // The stale job overwrites the new image's files with the deleted one's credit, then finds out.
    await writeImageFiles(stale, { resignOnly: false }, await asJob())
    const { docs: queued } = await payload().find({ collection: 'payload-jobs', where: { taskSlug: { equals: REWRITE_MEDIA_FILES }, completedAt: { exists: false } } })
    expect(queued.map((job) => job.input)).toEqual([expect.objectContaining({ media: next.id, onlyIfMissing: false })])

    await writeQueuedImageFiles(payload())
    const after = await payload().findByID({ collection: 'media', id: next.id, depth: 0 })
    for (const file of filesOf(after)) {
      expect(await xmpOf(file)).toContain('Next Photographer')
      expect(await xmpOf(file)).not.toContain('Deleted Photographer')
    }
  })
})
