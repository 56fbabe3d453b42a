import { describe, expect, it } from '@jest/globals'

import { statisticsStale } from '../../../src/domain/database/plannerStatistics'

describe('statisticsStale', () => {
  it('asks for statistics when there are none and there are articles', () => {
    expect(statisticsStale(null, 0)).toBe(false)
    expect(statisticsStale(null, 1)).toBe(true)
  })

  it('keeps statistics until the articles double or halve', () => {
    expect(statisticsStale(100_000, 150_000)).toBe(false)
    expect(statisticsStale(100_000, 60_000)).toBe(false)
    expect(statisticsStale(100_000, 200_000)).toBe(true)
    expect(statisticsStale(100_000, 50_000)).toBe(true)
  })
})
