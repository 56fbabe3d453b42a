import { type ChildProcess, spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'

import pLimit from 'p-limit'

import type { CreditSubject } from '@/licensing/types'
import type { RecordedFile, RecordedFiles } from '@/provenance/servedFiles'
import type { SigningPlan } from './contentCredentials'
import type { FileSet, RewriteResult } from './embedCredit'

/**
 * The image worker runs at this niceness (or the server's own, if that is higher): the
 * server's threads (niceness 0) get a core about nine times as often as encoding does, so a burst
 * of camera uploads costs readers little and image work takes what readers leave. Every thread of
 * the worker has it: it is set before the process starts.
 */
export const IMAGE_WORKER_NICENESS = 10

/** An idle worker exits after this long, and its memory (decoded photos, the C2PA SDK's heap) goes with it. */
export const IMAGE_WORKER_IDLE_MS = 10_000

/** The worker's entry, found from the working directory: Next bundles this module elsewhere. */
const ENTRY = path.join(process.cwd(), 'src', 'collections', 'Media', 'files', 'imageWorkerMain.ts')

/** One image's files to write: everything the worker needs, as plain data. */
export type WriteFilesTask = { media: FileSet; subject: CreditSubject; staticDir: string; maxPixels: number; plan: SigningPlan }
/** One image's served files to sign again as they are. */
export type ResignFilesTask = { staticDir: string; recorded: RecordedFiles; plan: SigningPlan }
/** What a re-sign wrote (each file's new byte size and the files' version), or why it could not. */
export type ResignOutcome = { files: Array<{ file: RecordedFile; filesize: number }>; fileVersion: string } | { notResignable: string }
export type WorkerTask = { write: WriteFilesTask } | { resign: ResignFilesTask }
export type WorkerReply<T> = { result: T } | { error: string }

let worker: ChildProcess | undefined
let idleTimer: NodeJS.Timeout | undefined

function startWorker(): ChildProcess {
  // As `npm start` runs the server: TypeScript through tsx, Node's own options not inherited (a test runner's).
  const lower = Math.max(0, IMAGE_WORKER_NICENESS - os.getPriority())
  const child = spawn('nice', ['-n', String(lower), process.execPath, '--conditions=production', '--import', 'tsx', ENTRY], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  })
  child.once('exit', () => {
    if (worker === child) worker = undefined
  })
  return child
}

/** Lets an idle worker go: it exits when its channel closes. */
function stopWorker(): void {
  const idle = worker
  worker = undefined
  if (idle?.connected) idle.disconnect()
}

function run<T>(task: WorkerTask, subject: string): Promise<T> {
  clearTimeout(idleTimer)
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
      if ('error' in reply) reject(new Error(reply.error))
      else resolve(reply.result)
    }
    child.once('exit', exited)
    child.once('error', unstarted)
    child.once('message', replied)
    child.send(task)
  }).finally(() => {
    child.unref()
    child.channel?.unref()
    idleTimer = setTimeout(stopWorker, IMAGE_WORKER_IDLE_MS)
    idleTimer.unref()
  })
}

const oneAtATime = pLimit(1)

/**
 * Writes every file of one image (the original and each size, credited and signed) in the image
 * worker, a child process at low priority, one image at a time: the server's own process keeps
 * its cores and memory for requests, and awaits only the result to record.
 */
export function writeFilesInWorker(task: WriteFilesTask): Promise<RewriteResult | null> {
  return oneAtATime(() => run<RewriteResult | null>({ write: task }, task.media.filename ?? 'an image'))
}

/**
 * Signs one image's served files again as they are (no re-encoding) in the image worker, like
 * every other image job: a whole archive re-signed after a change of the mining terms takes
 * the worker's low priority, and the C2PA SDK's memory stays out of the server.
 */
export function resignFilesInWorker(task: ResignFilesTask): Promise<ResignOutcome> {
  return oneAtATime(() => run<ResignOutcome>({ resign: task }, task.recorded.files[0]?.file ?? 'an image'))
}
