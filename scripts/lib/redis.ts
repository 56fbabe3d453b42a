import { spawn } from 'node:child_process'

import { freePort } from './serverProcess'
import { runCommand } from './systemCommand'

export type ThrowawayRedis = { url: string; stop: () => Promise<void> }

/** Debian's redis-server on a free port, in memory only (no snapshot, no append log). */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort()
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (error) => reject(new Error('redis-server did not start: apt-get install -y --no-install-recommends redis-server', { cause: error }))),
  )
  const deadline = Date.now() + 10_000
  while (!log.includes('Ready to accept connections')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start:\n${log}`)
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 50)), spawnError])
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      await runCommand('redis-cli', ['-p', String(port), 'shutdown', 'nosave']).catch(() => child.kill('SIGKILL'))
      await exited
    },
  }
}
