import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { promisify } from 'node:util'

import { afterAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { createImageWorker, type WriteFilesTask } from '../../src/collections/Media/files/imageWorker'
import { keepUpload } from '../../src/collections/Media/files/keptOriginal'
import { chooseWorkerAllocator } from '../../src/collections/Media/files/workerAllocator'
import { removeDir } from '../support/env'
import { mediaDir, mediaFile } from '../support/images'

// No Payload here (usePayload removes the folder elsewhere): the throwaway folder setupIntEnv made goes with this file.
afterAll(() => removeDir(process.env.THROWAWAY_DIR!))

const allocator = chooseWorkerAllocator('auto', fs.existsSync)
const subject = { creator: 'Worker Test', license: null }

/** A small photo kept as an upload, and the task that writes its files. */
async function keptPhoto(filename: string): Promise<WriteFilesTask> {
  const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#336699' } }).jpeg().toBuffer()
  fs.mkdirSync(mediaDir(), { recursive: true })
  await keepUpload(mediaDir(), filename, photo)
  return { media: { filename }, subject, staticDir: mediaDir(), maxPixels: 50_000_000, plan: { upload: filename, credit: subject, miningReserved: false, parent: null, when: new Date().toISOString() } }
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  return condition()
}

describe('the image worker is replaced when an image leaves it too big', () => {
  it('a worker that ends an image above the bound exits, and the next image gets a new one', async () => {
    const worker = createImageWorker({ retireAboveBytes: 1024 * 1024, allocator })
    const writing = worker.write(await keptPhoto('first.jpg'))
    expect(await until(() => worker.pid !== undefined)).toBe(true)
    const first = worker.pid!
    expect(await writing).toMatchObject({ width: 900, height: 600 })
    expect(fs.existsSync(mediaFile('first-w320.avif'))).toBe(true)
    // The original is written last (its signature is what grows the SDK's memory).
    const written = fs.readdirSync(mediaDir()).filter((file) => file.startsWith('first'))
    const latest = written.reduce((last, file) => (fs.statSync(mediaFile(file)).mtimeMs >= fs.statSync(mediaFile(last)).mtimeMs ? file : last))
    expect(latest).toBe('first.jpg')
    expect(worker.pid).toBeUndefined()
    expect(await until(() => !isRunning(first))).toBe(true)

    const second = await worker.write(await keptPhoto('second.jpg'))
    expect(second).toMatchObject({ width: 900, height: 600 })
    expect(worker.started).toBe(2)
  }, 60_000)

  it('a worker under the bound does the next image too', async () => {
    const worker = createImageWorker({ retireAboveBytes: 4 * 1024 * 1024 * 1024, allocator, idleMs: 1000 })
    await worker.write(await keptPhoto('third.jpg'))
    const pid = worker.pid
    expect(pid).toBeDefined()
    await worker.write(await keptPhoto('fourth.jpg'))
    expect(worker.pid).toBe(pid)
    expect(worker.started).toBe(1)
    // Idle, it goes too.
    expect(await until(() => !isRunning(pid!))).toBe(true)
    expect(worker.pid).toBeUndefined()
  }, 60_000)

  it('a script whose next image waits for a replaced worker to exit does not end before the image is written', async () => {
    fs.mkdirSync(mediaDir(), { recursive: true })
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'tests/support/imageWorkerScript.ts', mediaDir()], { env: { ...process.env, NODE_OPTIONS: '' } })
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ started: 2 })
    expect(fs.existsSync(mediaFile('script-second-w320.avif'))).toBe(true)
  }, 60_000)
})
