import type { Result } from 'lighthouse'

/** Issue 17.3: mobile performance ≥ 98 (11.7 asked 95) with TBT ≤ 50 ms; the other three categories 100. */
export const LIGHTHOUSE_TARGETS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 } as const
export const LIGHTHOUSE_MAX_TBT_MS = 50

export type CategoryId = keyof typeof LIGHTHOUSE_TARGETS

/** The parts of a Lighthouse result the figures come from. */
export type LighthouseResult = Pick<Result, 'audits' | 'categories'>

export type LighthouseFigures = {
  scores: Record<CategoryId, number | null>
  lcpMs: number | null
  tbtMs: number | null
  cls: number | null
  /** Transfer size of every script the page loaded (compressed, as sent). */
  scriptBytes: number | null
  /** Audits that cost points in a category still below its target: what to fix. */
  failing: Array<{ category: CategoryId; id: string; title: string; score: number | null; displayValue?: string }>
}

const categoryIds = Object.keys(LIGHTHOUSE_TARGETS) as CategoryId[]

function toPercent(score: number | null | undefined): number | null {
  return typeof score === 'number' ? Math.round(score * 100) : null
}

function scriptTransferBytes(lhr: LighthouseResult): number | null {
  const details = lhr.audits['resource-summary']?.details
  if (details?.type !== 'table') return null
  const row = details.items.find((item) => item.resourceType === 'script')
  return typeof row?.transferSize === 'number' ? row.transferSize : 0
}

function failingAudits(lhr: LighthouseResult, category: CategoryId): LighthouseFigures['failing'] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1)
    .map((audit) => ({ category, id: audit!.id, title: audit!.title, score: audit!.score, displayValue: audit!.displayValue }))
}

/** The figures issue 11.7 asks for, from one Lighthouse result. */
export function toLighthouseFigures(lhr: LighthouseResult): LighthouseFigures {
  const scores = Object.fromEntries(categoryIds.map((id) => [id, toPercent(lhr.categories[id]?.score)])) as LighthouseFigures['scores']
  const belowTarget = categoryIds.filter((id) => scores[id] === null || scores[id]! < LIGHTHOUSE_TARGETS[id])
  return {
    scores,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? null,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? null,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? null,
    scriptBytes: scriptTransferBytes(lhr),
    failing: belowTarget.flatMap((category) => failingAudits(lhr, category)),
  }
}

/** The run whose performance score is the median: Lighthouse's own advice against noisy single runs. */
export function pickMedianRun<T extends { scores: { performance: number | null } }>(runs: T[]): T {
  if (runs.length === 0) throw new Error('no Lighthouse runs to choose from')
  const sorted = [...runs].sort((a, b) => (a.scores.performance ?? -1) - (b.scores.performance ?? -1))
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

export function meetsTargets({ scores, tbtMs }: Pick<LighthouseFigures, 'scores' | 'tbtMs'>): boolean {
  return tbtMs !== null && tbtMs <= LIGHTHOUSE_MAX_TBT_MS && categoryIds.every((id) => scores[id] !== null && scores[id]! >= LIGHTHOUSE_TARGETS[id])
}
