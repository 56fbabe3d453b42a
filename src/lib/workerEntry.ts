import path from 'node:path'

import { processSlot } from './processSlot'

/** Every worker's entry in the project: scripts/lib/buildServer.ts compiles each beside the server. */
export const WORKER_ENTRIES = {
  /** A child process writing an image's files (src/collections/Media/files/imageWorker.ts). */
  image: 'src/collections/Media/files/imageWorkerMain.ts',
  /** The thread ranking SQLite searches (src/domain/search/startRankingThread.ts). */
  ranking: 'src/domain/search/rankingThreadMain.ts',
} as const

/** Set by the compiled server (npm start): the folder its workers were compiled into beside it. */
const compiledDir = processSlot<string>('compiledWorkersDir')

export function registerCompiledWorkers(dir: string | null): void {
  compiledDir.set(dir)
}

/**
 * The code a worker (a thread or a child process) runs, as a CommonJS script: its compiled file
 * beside the compiled server (scripts/lib/buildServer.ts), or its TypeScript through tsx's
 * CommonJS hooks when the server runs from source (`npm run dev`, tests). Compiled, a worker
 * starts in half the CPU time and 8 MB less memory.
 */
export function workerScript(source: (typeof WORKER_ENTRIES)[keyof typeof WORKER_ENTRIES]): string {
  const dir = compiledDir.get()
  const file = dir ? path.join(dir, `${path.basename(source, '.ts')}.cjs`) : path.join(process.cwd(), source)
  return `${dir ? '' : "require('tsx/cjs'); "}require(${JSON.stringify(file)})`
}
