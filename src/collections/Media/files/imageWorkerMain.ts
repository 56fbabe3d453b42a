/**
 * The image worker's process (see imageWorker.ts): writes the files of one image at a time as
 * the server asks, and exits when the server lets it go (or goes itself).
 */
import { pino } from 'pino'

import { getSigningCredentials } from '@/provenance/processCredentials'
import { signerFor } from './contentCredentials'
import { embedCreditInFiles } from './embedCredit'
import type { WorkerReply, WriteFilesTask } from './imageWorker'

const logger = pino({ base: { app: 'publication', process: 'image worker' } })

async function write(task: WriteFilesTask): Promise<WorkerReply> {
  try {
    const sign = signerFor(task.plan, await getSigningCredentials(logger))
    return { result: await embedCreditInFiles({ media: task.media, subject: task.subject, sign, staticDir: task.staticDir, maxPixels: task.maxPixels }) }
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
}

process.on('message', (message: { task: WriteFilesTask }) => {
  void write(message.task).then((reply) => process.send?.(reply))
})
process.once('disconnect', () => process.exit(0))
