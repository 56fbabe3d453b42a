import { describe, expect, it } from '@jest/globals'
import { sql } from 'drizzle-orm'

import { refreshPlannerStatistics } from '../../src/domain/database/plannerStatistics'
import { sqlRunnerOf } from '../../src/domain/search/sqlRunner'
import { createArticle } from '../support/content'
import { testDatabaseEngine } from '../support/env'
import { usePayload } from '../support/usePayload'

const payload = usePayload()

const analyzedArticles = async () => {
  const rows = await sqlRunnerOf(payload())!.rows<{ stat: string }>(sql`SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles' LIMIT 1`)
  return rows[0] ? Number.parseInt(rows[0].stat, 10) : null
}

const publishSome = async (count: number) => {
  for (let index = 0; index < count; index += 1) await createArticle(payload(), { headline: `Statistics ${Date.now()} ${index}`, _status: 'published' })
}

describe('SQLite planner statistics (ANALYZE)', () => {
  if (testDatabaseEngine() === 'postgres') {
    it('are left to PostgreSQL, which keeps its own (autovacuum)', async () => {
      await publishSome(3)
      expect(await refreshPlannerStatistics(payload())).toBe(false)
    })
    return
  }

  it('are taken once articles exist, kept while the count holds, and taken again when it doubles', async () => {
    await publishSome(3)
    const total = async () => (await payload().count({ collection: 'articles', overrideAccess: true })).totalDocs
    expect(await refreshPlannerStatistics(payload())).toBe(true)
    expect(await analyzedArticles()).toBe(await total())

    await publishSome(1)
    expect(await refreshPlannerStatistics(payload())).toBe(false)

    await publishSome(await total())
    expect(await refreshPlannerStatistics(payload())).toBe(true)
    expect(await analyzedArticles()).toBe(await total())
  })
})
