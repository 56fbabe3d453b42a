import autocannon from 'autocannon'

/** The benchmark's load: autocannon, BENCH_CONNECTIONS (32) connections for BENCH_SECONDS (10) per URL. */
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)

export type Figures = { rps: number; p50: number; p99: number; errors: number; non2xx: number }

export async function load(url: string, headers: Record<string, string> = {}): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers })
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx }
}

export async function timed(url: string, init?: RequestInit): Promise<{ ms: number; response: Response; text: string }> {
  const started = performance.now()
  const response = await fetch(url, init)
  const text = await response.text()
  return { ms: performance.now() - started, response, text }
}

export const ms = (value: number) => `${value.toFixed(1)} ms`

/** One printed row: req/s, p50, p99, and the ratio to a baseline measured in the same run. */
export function line(name: string, figures: Figures, baseline?: Figures): string {
  return (
    `${name.padEnd(30)} ${String(figures.rps).padStart(6)} req/s  p50 ${String(figures.p50).padStart(3)} ms  p99 ${String(figures.p99).padStart(4)} ms` +
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
