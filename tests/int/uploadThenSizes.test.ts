import fs from 'node:fs'

import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { cameraPhoto } from '../../src/ops/load/cameraPhoto'
import { IMAGE_WORKER_IDLE_MS, IMAGE_WORKER_NICENESS } from '../../src/collections/Media/files/imageWorker'
import { hasAllFiles } from '../../src/collections/Media/files/rewriteMediaFiles'
import { VARIANT_NAMES } from '../../src/lib/images/variants'
import type { License, Media } from '../../src/payload-types'
import { createArticle } from '../support/content'
import { createLicense, exiftool, keptOriginalFile, mediaFile, uploadOnly, writeQueuedImageFiles } from '../support/images'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let license: License
let photo: Buffer
/** Workers left idle by an earlier test file in this Jest process (its own module registry, its own worker). */
let earlierFilesWorkers: Set<number>

beforeAll(async () => {
  earlierFilesWorkers = new Set(imageWorkers().map(({ pid }) => pid))
  license = await createLicense(payload())
  photo = await cameraPhoto({ width: 1800, height: 1200 })
})

type Sizes = Record<string, { filename?: string | null } | null | undefined>
const sizeFiles = (media: Media) => VARIANT_NAMES.map((name) => (media.sizes as Sizes | undefined)?.[name]?.filename)
/** This process's children running the image worker, with their niceness (from /proc). */
function imageWorkers(): Array<{ pid: number; nice: number }> {
  return fs.readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return []
    try {
      if (!fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('imageWorkerMain')) return []
      const fields = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')
      // After the command: state, ppid, … niceness is the 17th field.
      return Number(fields[1]) === process.pid ? [{ pid: Number(entry), nice: Number(fields[16]) }] : []
    } catch {
      return []
    }
  })
}

const thisFilesWorkers = () => imageWorkers().filter(({ pid }) => !earlierFilesWorkers.has(pid))

const creditIn = async (file: string) => (await sharp(mediaFile(file)).metadata()).xmp?.toString('utf8') ?? ''

describe('an upload returns before its sizes exist', () => {
  it('keeps the upload without its location and writes only the credited thumbnail; the job writes the rest later', async () => {
    const uploaded = await uploadOnly(payload(), license, 'camera.jpg', photo, { creator: 'Маша Фотограф' })

    // At once: the kept upload (no GPS), the admin's thumbnail with the credit, nothing else served.
    expect(Object.keys(exiftool(keptOriginalFile('camera.jpg'), ['-GPS:all']))).not.toContainEqual(expect.stringMatching(/GPS/))
    expect(uploaded.fileVersion ?? null).toBeNull()
    expect(hasAllFiles(uploaded)).toBe(false)
    expect(uploaded.thumbnailURL).toBe('/api/media/file/camera-w320.jpg')
    expect(await creditIn('camera-w320.jpg')).toContain('Маша Фотограф')
    expect(sizeFiles(uploaded).filter(Boolean)).toEqual(['camera-w320.jpg'])
    // Payload stored the upload as received, GPS and all: it is gone until written with the credit.
    expect(fs.existsSync(mediaFile('camera.jpg'))).toBe(false)

    await writeQueuedImageFiles(payload())
    const done = await payload().findByID({ collection: 'media', id: uploaded.id })
    expect(hasAllFiles(done)).toBe(true)
    expect(done).toMatchObject({ width: 1800, height: 1200 })
    for (const file of [done.filename!, ...sizeFiles(done)]) {
      expect(await creditIn(file!)).toContain('Маша Фотограф')
      expect(Object.keys(exiftool(mediaFile(file!), ['-GPS:all', '-EXIF:Model']))).toEqual(['SourceFile'])
    }
  })

  it('writes the files in a child process at low priority, which exits once idle', async () => {
    await uploadOnly(payload(), license, 'worker.jpg', photo)
    await writeQueuedImageFiles(payload())
    const workers = thisFilesWorkers()
    expect(workers).toHaveLength(1)
    expect(workers[0]!.nice).toBeGreaterThanOrEqual(IMAGE_WORKER_NICENESS)
    await new Promise((resolve) => setTimeout(resolve, IMAGE_WORKER_IDLE_MS + 3000))
    expect(thisFilesWorkers()).toEqual([])
  }, 60_000)

  it('publishing an article with an image whose sizes are not written yet writes them first', async () => {
    const uploaded = await uploadOnly(payload(), license, 'breaking.jpg', photo)
    expect(hasAllFiles(uploaded)).toBe(false)
    await createArticle(payload(), { _status: 'published', heroImage: uploaded.id })

    const released = await payload().findByID({ collection: 'media', id: uploaded.id })
    expect(released.public).toBe(true)
    expect(hasAllFiles(released)).toBe(true)
    for (const file of [released.filename!, ...sizeFiles(released)]) expect(fs.existsSync(mediaFile(file!))).toBe(true)

    // The upload's own job finds the files written and leaves them as they are.
    await writeQueuedImageFiles(payload())
    expect((await payload().findByID({ collection: 'media', id: uploaded.id })).fileVersion).toBe(released.fileVersion)
  })

  it('an image ticked public before its job ran gets every file in that request', async () => {
    const uploaded = await uploadOnly(payload(), license, 'reuse.jpg', photo)
    const ticked = await payload().update({ collection: 'media', id: uploaded.id, data: { public: true } })
    expect(hasAllFiles(ticked)).toBe(true)
  })

  it('removes every file of a deleted image, sizes included', async () => {
    const uploaded = await uploadOnly(payload(), license, 'gone.jpg', photo)
    await writeQueuedImageFiles(payload())
    const done = await payload().findByID({ collection: 'media', id: uploaded.id })
    await payload().delete({ collection: 'media', id: uploaded.id })
    for (const file of [done.filename!, ...sizeFiles(done)]) expect(fs.existsSync(mediaFile(file!))).toBe(false)
    expect(fs.existsSync(keptOriginalFile('gone.jpg'))).toBe(false)
  })
})
