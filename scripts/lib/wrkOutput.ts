/** What the benchmark reads from one load run, whichever tool made it. */
export type Figures = { requests: number; rps: number; p50: number; p99: number; errors: number; non2xx: number }

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** A wrk duration ("812.00us", "1.23ms", "2.01s", "1.00m") in milliseconds, to the microsecond. */
export function wrkDurationMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim())
  if (!match) throw new Error(`not a wrk duration: ${JSON.stringify(text)}`)
  return Math.round(Number(match[1]) * UNIT_MS[match[2]!]! * 1000) / 1000
}

function percentile(output: string, percent: number): number {
  const match = new RegExp(`^\\s+${percent}(?:\\.0+)?%\\s+(\\S+)\\s*$`, 'm').exec(output)
  if (!match) throw new Error(`wrk output has no ${percent}% latency (was it run with --latency?)`)
  return wrkDurationMs(match[1]!)
}

/**
 * Figures from what `wrk --latency` prints: requests answered, Requests/sec, the 50 % and 99 % rows of its latency
 * distribution, socket errors (connect, read, write, timeout) and non-2xx/3xx responses.
 */
export function parseWrkOutput(output: string): Figures {
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(output)
  if (!rps) throw new Error(`wrk printed no Requests/sec:\n${output}`)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output)
  const errors = socket ? socket.slice(1, 5).reduce((sum, count) => sum + Number(count), 0) : 0
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0)
  const requests = Number(/^\s*(\d+) requests in /m.exec(output)?.[1] ?? 0)
  return { requests, rps: Math.round(Number(rps[1])), p50: percentile(output, 50), p99: percentile(output, 99), errors, non2xx }
}
