import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import autocannon from 'autocannon'

import { parseWrkOutput, type Figures } from './wrkOutput'

export type { Figures }

/**
 * The benchmark's load: BENCH_CONNECTIONS (32) connections for BENCH_SECONDS (10) per URL, from
 * `wrk` (2 threads) when it is installed. wrk is C and leaves the server most of a core; autocannon,
 * the fallback, is a Node process that saturates a core of its own first, so on two cores it
 * caps the baseline and the app alike and their ratio says little.
 */
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const WRK_THREADS = 2

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command)
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
      return candidate
    } catch {
      // not in this folder
    }
  }
  return undefined
}

const wrk = onPath('wrk')

/** Which load generator runs, for the report. */
export const LOAD_TOOL = wrk
  ? `wrk (${WRK_THREADS} threads, ${CONNECTIONS} connections, ${SECONDS} s per URL)`
  : `autocannon (${CONNECTIONS} connections, ${SECONDS} s per URL; wrk not installed, so the load generator may cap both baseline and app)`

async function runWrk(command: string, url: string, headers: Record<string, string>): Promise<Figures> {
  const args = ['-t', String(WRK_THREADS), '-c', String(CONNECTIONS), '-d', `${SECONDS}s`, '--latency', '--timeout', '10s']
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`)
  const child = spawn(command, [...args, url], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', resolve)
  })
  if (code !== 0) throw new Error(`wrk exited with ${code}:\n${output}`)
  return parseWrkOutput(output)
}

async function runAutocannon(url: string, headers: Record<string, string>): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers })
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx }
}

/** One load run against `url` with the given request headers. */
export async function load(url: string, headers: Record<string, string> = {}): Promise<Figures> {
  return wrk ? runWrk(wrk, url, headers) : runAutocannon(url, headers)
}

export async function timed(url: string, init?: RequestInit): Promise<{ ms: number; response: Response; text: string }> {
  const started = performance.now()
  const response = await fetch(url, init)
  const text = await response.text()
  return { ms: performance.now() - started, response, text }
}

export const ms = (value: number) => `${value.toFixed(1)} ms`

const latency = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0)).padStart(5)

/** One printed row: req/s, p50, p99, and the ratio to a baseline measured in the same run. */
export function line(name: string, figures: Figures, baseline?: Figures): string {
  return (
    `${name.padEnd(36)} ${String(figures.rps).padStart(6)} req/s  p50 ${latency(figures.p50)} ms  p99 ${latency(figures.p99)} ms` +
    (baseline ? `  ${((figures.rps / baseline.rps) * 100).toFixed(0).padStart(3)} % of baseline` : '') +
    (figures.errors || figures.non2xx ? `  (errors ${figures.errors}, non-2xx ${figures.non2xx})` : '')
  )
}

/** An admin session on a fresh server (the first account), for publishing under load. */
export async function adminSession(base: string): Promise<string> {
  const json = { 'content-type': 'application/json' }
  const account = JSON.stringify({ email: 'bench@example.com', password: 'a long bench password' })
  await fetch(`${base}/api/users/first-register`, { method: 'POST', headers: json, body: account })
  const login = (await (await fetch(`${base}/api/users/login`, { method: 'POST', headers: json, body: account })).json()) as { token: string }
  return login.token
}
