import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { Logger } from 'pino'

/** `npm start` on a fresh clone has no production build yet: make one, once. */
export async function ensureProductionBuild(cwd: string, logger: Logger): Promise<void> {
  if (fs.existsSync(path.join(cwd, '.next', 'BUILD_ID'))) return
  logger.info('no production build found: running `next build` (about 1–2 minutes, once)')
  const started = Date.now()
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(cwd, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with code ${code}`))))
  })
  logger.info({ seconds: Math.round((Date.now() - started) / 1000) }, 'production build ready')
}
