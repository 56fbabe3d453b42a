/**
 * The image worker's process (see imageWorker.ts): writes the files of one image at a time as
 * the server asks, and exits when the server lets it go (or goes itself).
 */
import { pino } from 'pino'

import { getSettings } from '@/config/settings'
import { mediaFileVersion } from '@/lib/images/fileUrls'
import { getSigningCredentials } from '@/provenance/processCredentials'
import { NotResignable, resignServedFiles } from '@/provenance/resign'
import { signerFor } from './contentCredentials'
import { embedCreditInFiles, type RewriteResult } from './embedCredit'
import type { ResignFilesTask, ResignOutcome, WorkerReply, WorkerTask, WriteFilesTask } from './imageWorker'

const logger = pino({ level: getSettings().logLevel, base: { app: 'publication', process: 'image worker' } })

async function write(task: WriteFilesTask): Promise<RewriteResult | null> {
  const sign = signerFor(task.plan, await getSigningCredentials(logger))
  return embedCreditInFiles({ media: task.media, subject: task.subject, sign, staticDir: task.staticDir, maxPixels: task.maxPixels })
}

async function resign({ staticDir, recorded, plan }: ResignFilesTask): Promise<ResignOutcome> {
  const credentials = await getSigningCredentials(logger)
  try {
    const resigned = await resignServedFiles({ staticDir, recorded, credentials, sign: signerFor(plan, credentials) })
    // The bytes stay here: the server records only their sizes and version.
    return { files: resigned.map(({ file, bytes }) => ({ file, filesize: bytes.length })), fileVersion: mediaFileVersion(resigned.map(({ bytes }) => bytes)) }
  } catch (error) {
    if (error instanceof NotResignable) return { notResignable: error.message }
    throw error
  }
}

async function perform(task: WorkerTask): Promise<WorkerReply<unknown>> {
  try {
    const result = 'write' in task ? await write(task.write) : await resign(task.resign)
    return { result, rssBytes: process.memoryUsage.rss() }
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error), rssBytes: process.memoryUsage.rss() }
  }
}

process.on('message', (message: WorkerTask) => {
  void perform(message).then((reply) => process.send?.(reply))
})
process.once('disconnect', () => process.exit(0))
