import { createMetrics } from './src/server/metrics/metrics'
import { createLogDestination, createLogger } from './src/server/logger'
import { logServed } from './src/server/servedLog'
const dest = createLogDestination('/dev/null')
const logger = createLogger('info', dest)
const metrics = createMetrics({ cacheStats: () => ({}) as never, jobQueueDepth: async () => 0 })
const req = { method: 'GET', url: '/articles/xi-putin-beijing-no-limits-partnership', headers: {} } as never
const N = 2_000_000
for (const [name, fn] of [
  ['log', () => logServed(logger, req, 200, process.hrtime.bigint(), 'hit')],
  ['metrics', () => metrics.hit(req, 200, process.hrtime.bigint())],
  ['hrtime x2', () => { const a = process.hrtime.bigint(); return Number(process.hrtime.bigint() - a) / 1e6 }],
] as const) {
  for (let r = 0; r < 3; r++) {
    const t = process.hrtime.bigint()
    for (let i = 0; i < N; i++) fn()
    console.log(name, (Number(process.hrtime.bigint() - t) / N).toFixed(0), 'ns')
  }
}
process.exit(0)
