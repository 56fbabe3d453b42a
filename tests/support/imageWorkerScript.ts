/**
 * A script that writes two images' files through an image worker replaced after each image
 * (`retireAboveBytes` 1), then prints how many workers it started. Nothing else keeps its event
 * loop alive: it ends early if waiting for a replaced worker to exit does not hold it.
 * Usage: node --import tsx tests/support/imageWorkerScript.ts <media dir>
 */
import fs from 'node:fs'

import sharp from 'sharp'

import { createImageWorker } from '../../src/collections/Media/files/imageWorker'
import { keepUpload } from '../../src/collections/Media/files/keptOriginal'
import { chooseWorkerAllocator } from '../../src/collections/Media/files/workerAllocator'

const staticDir = process.argv[2]!
const worker = createImageWorker({ retireAboveBytes: 1, allocator: chooseWorkerAllocator('auto', fs.existsSync) })
const subject = { creator: 'Script Test', license: null }
const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#993366' } }).jpeg().toBuffer()
for (const filename of ['script-first.jpg', 'script-second.jpg']) {
  await keepUpload(staticDir, filename, photo)
  await worker.write({ media: { filename }, subject, staticDir, maxPixels: 50_000_000, plan: { upload: filename, credit: subject, miningReserved: false, parent: null, when: new Date().toISOString() } })
}
console.log(JSON.stringify({ started: worker.started }))
