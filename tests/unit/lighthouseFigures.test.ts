import { describe, expect, it } from '@jest/globals'

import { meetsTargets, pickMedianRun, toLighthouseFigures, type LighthouseResult } from '../../scripts/lib/lighthouseFigures'

type Audit = LighthouseResult['audits'][string]

function audit(id: string, score: number | null, extra: Partial<Audit> = {}): Audit {
  return { id, title: `${id} title`, description: '', score, scoreDisplayMode: 'binary', ...extra }
}

function category(id: string, score: number, auditIds: string[]): LighthouseResult['categories'][string] {
  return { id, title: id, score, auditRefs: auditIds.map((auditId) => ({ id: auditId, weight: auditId === 'unweighted' ? 0 : 1 })) }
}

function result(scores: { performance: number; accessibility: number; bestPractices: number; seo: number }): LighthouseResult {
  return {
    audits: {
      'largest-contentful-paint': audit('largest-contentful-paint', 0.9, { numericValue: 2100.4 }),
      'total-blocking-time': audit('total-blocking-time', 0.8, { numericValue: 180 }),
      'cumulative-layout-shift': audit('cumulative-layout-shift', 1, { numericValue: 0.02 }),
      'resource-summary': audit('resource-summary', null, {
        details: {
          type: 'table',
          headings: [],
          items: [
            { resourceType: 'total', transferSize: 250_000 },
            { resourceType: 'script', transferSize: 138_000 },
          ],
        },
      }),
      'color-contrast': audit('color-contrast', 0),
      'target-size': audit('target-size', 1),
      unweighted: audit('unweighted', 0),
      'meta-description': audit('meta-description', 0),
    },
    categories: {
      performance: category('performance', scores.performance, ['largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']),
      accessibility: category('accessibility', scores.accessibility, ['color-contrast', 'target-size', 'unweighted']),
      'best-practices': category('best-practices', scores.bestPractices, []),
      seo: category('seo', scores.seo, ['meta-description']),
    },
  }
}

describe('toLighthouseFigures', () => {
  it('reports the four scores as percentages and the metrics issue 11.7 names', () => {
    const figures = toLighthouseFigures(result({ performance: 0.874, accessibility: 0.96, bestPractices: 1, seo: 1 }))
    expect(figures.scores).toEqual({ performance: 87, accessibility: 96, 'best-practices': 100, seo: 100 })
    expect(figures).toMatchObject({ lcpMs: 2100.4, tbtMs: 180, cls: 0.02, scriptBytes: 138_000 })
  })

  it('lists the weighted audits that cost points, only in categories below target', () => {
    const figures = toLighthouseFigures(result({ performance: 0.98, accessibility: 0.96, bestPractices: 1, seo: 1 }))
    // SEO is at 100 although its meta-description audit failed in this fixture: not listed.
    expect(figures.failing.map((failing) => `${failing.category}/${failing.id}`)).toEqual(['accessibility/color-contrast'])
  })

  it('counts no script bytes as zero, and an absent summary as unknown', () => {
    const withoutScripts = result({ performance: 1, accessibility: 1, bestPractices: 1, seo: 1 })
    withoutScripts.audits['resource-summary'] = audit('resource-summary', null, { details: { type: 'table', headings: [], items: [] } })
    expect(toLighthouseFigures(withoutScripts).scriptBytes).toBe(0)
    delete withoutScripts.audits['resource-summary']
    expect(toLighthouseFigures(withoutScripts).scriptBytes).toBeNull()
  })
})

describe('meetsTargets', () => {
  it('needs performance ≥ 98, TBT ≤ 50 ms and 100 in the other three categories', () => {
    const all = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 }
    expect(meetsTargets({ scores: all, tbtMs: 50 })).toBe(true)
    expect(meetsTargets({ scores: { ...all, performance: 97 }, tbtMs: 0 })).toBe(false)
    expect(meetsTargets({ scores: all, tbtMs: 51 })).toBe(false)
    expect(meetsTargets({ scores: all, tbtMs: null })).toBe(false)
    expect(meetsTargets({ scores: { ...all, accessibility: 99 }, tbtMs: 0 })).toBe(false)
    expect(meetsTargets({ scores: { ...all, seo: null }, tbtMs: 0 })).toBe(false)
  })
})

describe('pickMedianRun', () => {
  it('picks the run with the median performance score', () => {
    const runs = [88, 97, 91].map((performance) => ({ scores: { performance }, label: String(performance) }))
    expect(pickMedianRun(runs).label).toBe('91')
  })

  it('refuses an empty list', () => {
    expect(() => pickMedianRun([])).toThrow('no Lighthouse runs')
  })
})
