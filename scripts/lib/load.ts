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

async function runWrk(command: string, url: string, headers: Record<string, string>, seconds: number): Promise<Figures> {
  const args = ['-t', String(WRK_THREADS), '-c', String(CONNECTIONS), '-d', `${seconds}s`, '--latency', '--timeout', '10s']
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

async function runAutocannon(url: string, headers: Record<string, string>, seconds: number): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers })
  return { requests: result.requests.total, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx }
}

/** One load run against `url` with the given request headers, BENCH_SECONDS long unless told. */
export async function load(url: string, headers: Record<string, string> = {}, seconds = SECONDS): Promise<Figures> {
  return wrk ? runWrk(wrk, url, headers, seconds) : runAutocannon(url, headers, seconds)
}

export async function timed(url: string, init?: RequestInit): Promise<{ ms: number; response: Response; text: string }> {
  const started = performance.now()
  const response = await fetch(url, init)
  const text = await response.text()
  return { ms: performance.now() - started, response, text }
}

export const ms = (value: number) => `${value.toFixed(1)} ms`

/** CPU time (user + system) a process has used so far, from /proc (Linux), in ms. */
export function cpuTimeMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/**
 * A load run against a server process, with the server's CPU time per answered request: on a
 * machine shared with other work, req/s varies with what else runs, CPU per request much less.
 */
export async function loadProcess(pid: number, url: string, headers: Record<string, string> = {}, seconds = SECONDS): Promise<Figures & { cpuUsPerRequest: number }> {
  const cpuBefore = cpuTimeMs(pid)
  const figures = await load(url, headers, seconds)
  return { ...figures, cpuUsPerRequest: Math.round(((cpuTimeMs(pid) - cpuBefore) * 1000) / Math.max(1, figures.requests)) }
}

const latency = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0)).padStart(5)

/** One printed row: req/s, p50, p99, server CPU per request when measured, and the ratio to a baseline measured in the same run. */
export function line(name: string, figures: Figures & { cpuUsPerRequest?: number }, baseline?: Figures & { cpuUsPerRequest?: number }): string {
  const cpu = figures.cpuUsPerRequest === undefined ? '' : `  ${String(figures.cpuUsPerRequest).padStart(4)} µs CPU/req`
  const cpuShare = figures.cpuUsPerRequest && baseline?.cpuUsPerRequest ? ` (by CPU: ${((baseline.cpuUsPerRequest / figures.cpuUsPerRequest) * 100).toFixed(0)} %)` : ''
  return (
    `${name.padEnd(36)} ${String(figures.rps).padStart(6)} req/s  p50 ${latency(figures.p50)} ms  p99 ${latency(figures.p99)} ms${cpu}` +
    (baseline ? `  ${((figures.rps / baseline.rps) * 100).toFixed(0).padStart(3)} % of baseline${cpuShare}` : '') +
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
