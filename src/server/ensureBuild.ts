import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { Logger } from 'pino'

/** What the production build is made from: a newer file here means the build is stale. */
const BUILD_INPUTS = ['src', 'payload.config.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json']

/** The newest modification time (ms) of a file or of any file under a folder; 0 if missing. */
export function newestMtime(target: string): number {
  let stat: fs.Stats
  try {
    stat = fs.statSync(target)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs)
}

/** Why a build is needed, or null when the one in `.next/` is newer than everything it is made from. */
export function buildNeeded(cwd: string): string | null {
  const built = newestMtime(path.join(cwd, '.next', 'BUILD_ID'))
  if (built === 0) return 'no production build found'
  const changed = BUILD_INPUTS.find((input) => newestMtime(path.join(cwd, input)) > built)
  return changed ? `the production build is older than ${changed}` : null
}

/** `npm start` on a fresh clone, or after the code changed, builds first. */
export async function ensureProductionBuild(cwd: string, logger: Logger): Promise<void> {
  const reason = buildNeeded(cwd)
  if (!reason) return
  logger.info({ reason }, `${reason}: running \`next build\` (about 1–2 minutes)`)
  const started = Date.now()
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(cwd, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd,
      stdio: 'inherit',
      // No telemetry: these machines have no network, and builds waiting on it hung at "Collecting page data".
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with code ${code}`))))
  })
  logger.info({ seconds: Math.round((Date.now() - started) / 1000) }, 'production build ready')
}
