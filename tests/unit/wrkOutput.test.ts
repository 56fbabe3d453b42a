import { describe, expect, it } from '@jest/globals'

import { parseWrkOutput, wrkDurationMs } from '../../scripts/lib/wrkOutput'

// Printed by Debian's wrk 4.1.0 (`wrk -t2 -c32 -d2s --latency URL`) on this machine.
const CLEAN = `Running 2s test @ http://127.0.0.1:18231/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.14ms    1.89ms  45.00ms   90.95%
    Req/Sec    22.75k     7.02k   35.86k    80.00%
  Latency Distribution
     50%  584.00us
     75%    1.00ms
     90%    2.84ms
     99%    7.79ms
  90713 requests in 2.02s, 10.73MB read
Requests/sec:  44996.10
Transfer/sec:      5.32MB
`

const WITH_ERRORS = `Running 10s test @ http://127.0.0.1:3000/x
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   196.24us  478.88us   2.10s    94.67%
    Req/Sec    39.90k     4.95k   51.89k    75.00%
  Latency Distribution
     50%   86.00us
     75%  109.00us
     90%  197.00us
     99%    2.01s
  79396 requests in 10.00s, 9.92MB read
  Socket errors: connect 0, read 3, write 1, timeout 12
  Non-2xx or 3xx responses: 79
Requests/sec:   7939.25
Transfer/sec:      4.96MB
`

describe('parseWrkOutput', () => {
  it('reads req/s and the 50 % and 99 % latencies of --latency output, in ms', () => {
    expect(parseWrkOutput(CLEAN)).toEqual({ requests: 90713, rps: 44996, p50: 0.584, p99: 7.79, errors: 0, non2xx: 0 })
  })

  it('counts socket errors and non-2xx/3xx answers, and reads seconds', () => {
    expect(parseWrkOutput(WITH_ERRORS)).toEqual({ requests: 79396, rps: 7939, p50: 0.086, p99: 2010, errors: 16, non2xx: 79 })
  })

  it('refuses output without a latency distribution (run without --latency) or without a rate', () => {
    expect(() => parseWrkOutput(CLEAN.replace(/ {2}Latency Distribution[\s\S]*?99%.*\n/, ''))).toThrow(/--latency/)
    expect(() => parseWrkOutput('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/Requests\/sec/)
  })
})

describe('wrkDurationMs', () => {
  it('converts every unit wrk prints', () => {
    expect(wrkDurationMs('812.00us')).toBeCloseTo(0.812)
    expect(wrkDurationMs('1.23ms')).toBe(1.23)
    expect(wrkDurationMs('2.5s')).toBe(2500)
    expect(wrkDurationMs('1.00m')).toBe(60_000)
    expect(() => wrkDurationMs('fast')).toThrow()
  })
})
