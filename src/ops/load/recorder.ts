/** What a load run saw: every request's kind, status (or network failure) and time. */
export type Outcome = { kind: string; status: number | 'network-error'; ms: number }

export type LoadSummary = {
  requests: number
  byStatus: Record<string, number>
  serverErrors: number
  networkErrors: number
  p50Ms: number
  p99Ms: number
  byKind: Record<string, { requests: number; p99Ms: number }>
}

/** The value below which `p` percent of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

const sortedTimes = (outcomes: readonly Outcome[]) => outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b)
const round = (ms: number) => Math.round(ms * 10) / 10

export function summarize(outcomes: readonly Outcome[]): LoadSummary {
  const byStatus: Record<string, number> = {}
  const kinds = new Map<string, Outcome[]>()
  for (const outcome of outcomes) {
    byStatus[String(outcome.status)] = (byStatus[String(outcome.status)] ?? 0) + 1
    const list = kinds.get(outcome.kind) ?? []
    list.push(outcome)
    kinds.set(outcome.kind, list)
  }
  const times = sortedTimes(outcomes)
  return {
    requests: outcomes.length,
    byStatus,
    serverErrors: outcomes.filter((outcome) => typeof outcome.status === 'number' && outcome.status >= 500).length,
    networkErrors: byStatus['network-error'] ?? 0,
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    byKind: Object.fromEntries([...kinds].map(([kind, list]) => [kind, { requests: list.length, p99Ms: round(percentile(sortedTimes(list), 99)) }])),
  }
}

/** Records every request made through it; a network failure is an outcome too, not a throw. */
export function createRecorder() {
  const outcomes: Outcome[] = []
  const request = async (kind: string, url: string, init: RequestInit = {}): Promise<Response | undefined> => {
    const started = performance.now()
    try {
      const response = await fetch(url, { redirect: 'manual', ...init })
      // Reading the body is part of the request: a cut connection shows up here.
      const body = await response.arrayBuffer()
      outcomes.push({ kind, status: response.status, ms: performance.now() - started })
      return new Response(response.status === 204 || response.status === 304 ? null : body, { status: response.status, headers: response.headers })
    } catch {
      outcomes.push({ kind, status: 'network-error', ms: performance.now() - started })
      return undefined
    }
  }
  return { request, outcomes: () => outcomes, summary: () => summarize(outcomes) }
}

export type Recorder = ReturnType<typeof createRecorder>
