import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'

import { buildServer, SERVER_BUNDLE } from './buildServer'
import { processTree } from './processMemory'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * glibc malloc as `npm start` sets it: two arenas (one per thread would keep what image work
 * freed), and blocks of 64 KB or more mapped on their own and returned when freed. An upload
 * arrives as 64 KB chunks, which glibc otherwise carves from its heap between longer-lived
 * blocks: twenty camera photos left that heap 65 MB bigger for good (20 → 85 MB), with this it
 * stays at 21–40 MB. A cache hit allocates no block that large, so serving costs nothing more.
 */
export const SERVER_MALLOC_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536' }

/**
 * Node's flags as `npm start` passes them: the old generation may grow by half of what the last
 * full collection kept before the next one starts. V8's own factor goes up to four times on a
 * machine with memory to spare, so 10 s of uncached API requests left 200–370 MB of garbage that
 * waited, resident, for a full collection (the server alone went from 350 to 583–725 MB); with
 * this it peaked at 466 MB.
 *
 * The young generation keeps V8's size (16 MB per semi-space). A quarter of it saved 27 MB at
 * idle, but every young collection also walks the server's large old heap, and four times as
 * many of them cost a cache hit about a tenth of its throughput (README, "What a cache hit costs").
 */
export const SERVER_NODE_FLAGS = ['--heap-growing-percent=50']

export type RunningServer = { child: ChildProcess; baseUrl: string; output: () => string }

type StartOptions = {
  timeoutMs?: number
  /**
   * The server's stdout (its log) goes straight to this file, as under systemd or Docker, instead
   * of through a pipe this process reads: under load, reading every log line would cost this
   * process CPU the server then lacks.
   */
  logFile?: string
}

/**
 * SIGKILL to a process and everything under it: a server killed while it waits for its
 * `next build` (ensureBuild.ts) would otherwise leave the build running, taking a core from
 * whatever runs next.
 */
function killTree(pid: number): void {
  for (const { pid: member } of processTree(pid)) {
    try {
      process.kill(member, 'SIGKILL')
    } catch {
      // gone meanwhile
    }
  }
}

/** Compiled once per process (scripts/lib/buildServer.ts): every server it starts runs the same code. */
let built: Promise<string> | undefined

/** Starts the server as `npm start` does (compiled, then run by plain Node), and waits until /healthz answers 200. */
export async function startServer(env: Record<string, string>, { timeoutMs = 240_000, logFile }: StartOptions = {}): Promise<RunningServer> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  let log = ''
  const logFd = logFile ? fs.openSync(logFile, 'a') : undefined
  await (built ??= buildServer())
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--conditions=production', SERVER_BUNDLE], {
    cwd: process.cwd(),
    // As `npm start`: its Node flags above; glibc's per-thread malloc arenas would keep what image work freed.
    env: { ...process.env, NODE_OPTIONS: '', ...SERVER_MALLOC_ENV, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', SERVER_URL: baseUrl, ...env },
    stdio: ['ignore', logFd ?? 'pipe', 'pipe'],
  })
  if (logFd !== undefined) fs.closeSync(logFd)
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const output = () => (logFile ? fs.readFileSync(logFile, 'utf8') : '') + log

  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`)
    try {
      const response = await fetch(`${baseUrl}/healthz`)
      if (response.ok) return { child, baseUrl, output }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  killTree(child.pid!)
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output()}`)
}

/** SIGTERM, then the exit code (a graceful shutdown exits 0). */
export async function stopServer(child: ChildProcess, timeoutMs = 20_000): Promise<number | null> {
  // Already gone (a test may have killed it): its 'exit' event has been and will not come again.
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const code = await exited
  clearTimeout(timer)
  return code
}

/** For a load generator on one address (tests, benchmarks): rate limits it would otherwise trip. */
export const GENEROUS_RATE_LIMITS = { RATE_LIMIT_API_PER_MINUTE: '1000000', RATE_LIMIT_LOGINS_PER_IP: '100000', RATE_LIMIT_LOGINS_PER_ACCOUNT: '100000' }
