import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'

import pLimit from 'p-limit'
import type { Logger } from 'pino'

import { getSettings } from '@/config/settings'
import { WORKER_ENTRIES, workerScript } from '@/lib/workerEntry'
import type { CreditSubject } from '@/licensing/types'
import type { RecordedFile, RecordedFiles } from '@/provenance/servedFiles'
import type { SigningPlan } from './contentCredentials'
import type { FileSet, RewriteResult } from './embedCredit'
import { chooseWorkerAllocator, type WorkerAllocator } from './workerAllocator'

/**
 * The image worker runs at this niceness (or the server's own, if that is higher): the
 * server's threads (niceness 0) get a core about nine times as often as encoding does, so a burst
 * of camera uploads costs readers little and image work takes what readers leave. Every thread of
 * the worker has it: it is set before the process starts.
 */
export const IMAGE_WORKER_NICENESS = 10

/** An idle worker exits after this long, and its memory (decoded photos, the C2PA SDK's heap) goes with it. */
export const IMAGE_WORKER_IDLE_MS = 10_000

/** One image's files to write: everything the worker needs, as plain data. */
export type WriteFilesTask = { media: FileSet; subject: CreditSubject; staticDir: string; maxPixels: number; plan: SigningPlan }
/** One image's served files to sign again as they are. */
export type ResignFilesTask = { staticDir: string; recorded: RecordedFiles; plan: SigningPlan }
/** What a re-sign wrote (each file's new byte size and the files' version), or why it could not. */
export type ResignOutcome = { files: Array<{ file: RecordedFile; filesize: number }>; fileVersion: string } | { notResignable: string }
export type WorkerTask = { write: WriteFilesTask } | { resign: ResignFilesTask }

/** What the worker sends back: the outcome, and its resident memory once the task is done. */
export type WorkerReply<T> = ({ result: T } | { error: string }) & { rssBytes: number }

/**
 * V8's young generation kept small: the worker's own objects are few and short-lived (the image
 * bytes live outside the heap), and the default lets it grow by tens of megabytes.
 */
const WORKER_NODE_FLAGS = ['--max-semi-space-size=1']

export type ImageWorkerOptions = {
  /** After a task leaves the worker above this resident size, it exits; the next task starts a fresh one. */
  retireAboveBytes: number
  allocator: WorkerAllocator
  idleMs?: number
}

export type ImageWorker = {
  write(task: WriteFilesTask): Promise<RewriteResult | null>
  resign(task: ResignFilesTask): Promise<ResignOutcome>
  /** The running worker's process id, if one runs. */
  readonly pid: number | undefined
  /** How many worker processes have been started. */
  readonly started: number
}

/**
 * A child process at low priority that does one image's work at a time. What a camera photo
 * leaves behind (the C2PA SDK's WebAssembly memory, which never shrinks, and the allocator's
 * fragments) goes with the process: a worker that ends a task above `retireAboveBytes` exits,
 * and so does an idle one, and the next task waits for it to be gone before starting another,
 * so there is never more than one.
 */
export function createImageWorker({ retireAboveBytes, allocator, idleMs = IMAGE_WORKER_IDLE_MS }: ImageWorkerOptions): ImageWorker {
  let worker: ChildProcess | undefined
  let exiting: Promise<unknown> = Promise.resolve()
  let idleTimer: NodeJS.Timeout | undefined
  let started = 0

  function startWorker(): ChildProcess {
    started += 1
    // A CommonJS script (workerScript): tsx's ESM hooks would take a loader thread with a V8 heap
    // of its own, 30 MB more. Node's own options are not inherited (a test runner's).
    const lower = Math.max(0, IMAGE_WORKER_NICENESS - os.getPriority())
    const child = spawn('nice', ['-n', String(lower), process.execPath, ...WORKER_NODE_FLAGS, '--conditions=production', '--eval', workerScript(WORKER_ENTRIES.image)], {
      cwd: process.cwd(),
      env: { ...process.env, NODE_OPTIONS: '', ...allocator.env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    })
    child.once('exit', () => {
      if (worker === child) worker = undefined
    })
    return child
  }

  /** Lets the worker go (it exits when its channel closes); the next one starts once it has. */
  function stopWorker(): void {
    const leaving = worker
    worker = undefined
    if (!leaving || leaving.exitCode !== null || leaving.signalCode !== null) return
    exiting = new Promise((resolve) => leaving.once('exit', resolve))
    // A script whose next image waits for this exit must not end before it comes.
    leaving.ref()
    if (leaving.connected) leaving.disconnect()
  }

  async function run<T>(task: WorkerTask, subject: string): Promise<T> {
    clearTimeout(idleTimer)
    await exiting
    const child = (worker ??= startWorker())
    // While it works, the worker keeps this process alive (a script waiting for it); idle, it does not.
    child.ref()
    child.channel?.ref()
    return new Promise<T>((resolve, reject) => {
      const failed = (reason: string) => () => {
        child.off('message', replied)
        reject(new Error(`image worker ${reason} while working on ${subject}`))
      }
      const exited = failed('exited')
      const unstarted = failed('could not start')
      const replied = (reply: WorkerReply<T>) => {
        child.off('exit', exited)
        child.off('error', unstarted)
        if (reply.rssBytes > retireAboveBytes) stopWorker()
        if ('error' in reply) reject(new Error(reply.error))
        else resolve(reply.result)
      }
      child.once('exit', exited)
      child.once('error', unstarted)
      child.once('message', replied)
      child.send(task)
    }).finally(() => {
      // A worker let go above stays referenced until it has exited (stopWorker).
      if (child === worker) {
        child.unref()
        child.channel?.unref()
      }
      idleTimer = setTimeout(stopWorker, idleMs)
      idleTimer.unref()
    })
  }

  const oneAtATime = pLimit(1)
  return {
    write: (task) => oneAtATime(() => run<RewriteResult | null>({ write: task }, task.media.filename ?? 'an image')),
    resign: (task) => oneAtATime(() => run<ResignOutcome>({ resign: task }, task.recorded.files[0]?.file ?? 'an image')),
    get pid() {
      return worker?.pid
    },
    get started() {
      return started
    },
  }
}

let shared: ImageWorker | undefined

/** The process's image worker, set up from the settings on first use (the log says which allocator it runs with). */
function sharedImageWorker(logger: Pick<Logger, 'info'>): ImageWorker {
  if (!shared) {
    const { retireAboveMb, allocator: choice } = getSettings().imageWorker
    const allocator = chooseWorkerAllocator(choice, fs.existsSync, process.env.LD_PRELOAD)
    logger.info({ allocator: allocator.name, ...(allocator.name === 'jemalloc' && { library: allocator.library }), retireAboveMb }, `image worker runs with ${allocator.name}`)
    shared = createImageWorker({ retireAboveBytes: retireAboveMb * 1024 * 1024, allocator })
  }
  return shared
}

/**
 * Writes every file of one image (the original and each size, credited and signed) in the image
 * worker, a child process at low priority, one image at a time: the server's own process keeps
 * its cores and memory for requests, and awaits only the result to record.
 */
export function writeFilesInWorker(task: WriteFilesTask, logger: Pick<Logger, 'info'>): Promise<RewriteResult | null> {
  return sharedImageWorker(logger).write(task)
}

/**
 * Signs one image's served files again as they are (no re-encoding) in the image worker, like
 * every other image job: a whole archive re-signed after a change of the mining terms takes
 * the worker's low priority, and the C2PA SDK's memory stays out of the server.
 */
export function resignFilesInWorker(task: ResignFilesTask, logger: Pick<Logger, 'info'>): Promise<ResignOutcome> {
  return sharedImageWorker(logger).resign(task)
}
