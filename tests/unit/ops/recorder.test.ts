import { describe, expect, it } from '@jest/globals'

import { percentile, summarize } from '../../../src/ops/load/recorder'

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => index + 1)
    expect(percentile(hundred, 99)).toBe(99)
    expect(percentile(hundred, 50)).toBe(50)
    expect(percentile([5], 99)).toBe(5)
    expect(percentile([], 99)).toBe(0)
  })
})

describe('summarize', () => {
  it('counts statuses, 5xx and network errors, per kind too', () => {
    const summary = summarize([
      { kind: 'read', status: 200, ms: 10 },
      { kind: 'read', status: 503, ms: 30 },
      { kind: 'write', status: 201, ms: 20 },
      { kind: 'write', status: 'network-error', ms: 5 },
      { kind: 'write', status: 404, ms: 1 },
    ])
    expect(summary).toMatchObject({ requests: 5, serverErrors: 1, networkErrors: 1, byStatus: { '200': 1, '503': 1, '201': 1, 'network-error': 1, '404': 1 } })
    expect(summary.byKind).toEqual({ read: { requests: 2, p99Ms: 30 }, write: { requests: 3, p99Ms: 20 } })
  })
})
