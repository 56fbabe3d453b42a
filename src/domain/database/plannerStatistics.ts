import { sql } from 'drizzle-orm'
import type { Payload } from 'payload'

import { searchEngineOf, sqlRunnerOf, type SqlRunner } from '@/domain/search/sqlRunner'

/**
 * SQLite's query planner chooses indexes from the statistics `ANALYZE` keeps in `sqlite_stat1`;
 * without them it guesses, and at archive size it guesses wrong: an author's list (`authors IN
 * (…)` through `articles_rels`) then walks every published article by `_status` and reads each
 * row past its body, 150–300 ms a count, instead of the author's 2,500 rows in the
 * `articles_rels` index (5 ms). PostgreSQL's autovacuum keeps its own statistics; SQLite has no
 * such thing, so the statistics are refreshed when Payload starts, whenever the articles have at
 * least doubled or halved since they were taken (ANALYZE reads the indexes only: ~0.5 s at
 * 100,000 articles).
 */
export function statisticsStale(analyzedRows: number | null, rows: number): boolean {
  if (analyzedRows === null) return rows > 0
  return rows >= analyzedRows * 2 || rows * 2 <= analyzedRows
}

const tableExists = async (runner: SqlRunner, name: string) =>
  Boolean((await runner.rows<{ present: number }>(sql`SELECT count(*) AS present FROM sqlite_master WHERE type = 'table' AND name = ${name}`))[0]?.present)

/** How many articles the planner's statistics were taken on (null: never analysed). */
async function analyzedArticles(runner: SqlRunner): Promise<number | null> {
  if (!(await tableExists(runner, 'sqlite_stat1'))) return null
  const [row] = await runner.rows<{ stat: string }>(sql`SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles' LIMIT 1`)
  return row ? Number.parseInt(row.stat, 10) : null
}

/** Runs ANALYZE on SQLite when its statistics are missing or stale; returns whether it did. */
export async function refreshPlannerStatistics(payload: Payload): Promise<boolean> {
  if (searchEngineOf(payload) !== 'sqlite') return false
  const runner = sqlRunnerOf(payload)!
  // A database whose migrations have not run yet has nothing to analyse.
  if (!(await tableExists(runner, 'articles'))) return false
  const [count] = await runner.rows<{ rows: number }>(sql`SELECT count(*) AS rows FROM "articles"`)
  const analyzed = await analyzedArticles(runner)
  if (!statisticsStale(analyzed, Number(count?.rows ?? 0))) return false
  const started = performance.now()
  await runner.run(sql`ANALYZE`)
  payload.logger.info({ articles: Number(count?.rows ?? 0), analyzedBefore: analyzed, ms: Math.round(performance.now() - started) }, 'SQLite planner statistics refreshed (ANALYZE)')
  return true
}
