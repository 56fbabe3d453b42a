import { beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import type { Pool } from 'pg'

import { rankFromIndex, type RankedPage, type SqliteRanking } from '../../src/domain/search/rankedIds'
import { postgresRunner, sqlRunnerOf } from '../../src/domain/search/sqlRunner'
import { paragraphsToLexical } from '../../src/lib/richText'
import { parseQuery } from '../../src/lib/search/query'
import { createArticle } from '../support/content'
import { testDatabaseEngine } from '../support/env'
import { usePayload } from '../support/usePayload'

const payload = usePayload()

type Where = 'headline' | 'standfirst' | 'body'
type Fixture = { orbit: Where; lunar?: Where; filler: number; day: number }

/**
 * Matches in every tier, of different lengths (ts_rank / bm25 differ) and dates (ties), so a
 * page can start and end inside a tier, across two, or across all three.
 */
const FIXTURES: Fixture[] = [
  { orbit: 'headline', filler: 1, day: 3 },
  { orbit: 'headline', lunar: 'body', filler: 9, day: 8 },
  { orbit: 'headline', lunar: 'headline', filler: 4, day: 1 },
  { orbit: 'standfirst', filler: 2, day: 5 },
  { orbit: 'standfirst', lunar: 'standfirst', filler: 7, day: 2 },
  { orbit: 'standfirst', filler: 2, day: 9 },
  { orbit: 'body', lunar: 'headline', filler: 3, day: 4 },
  { orbit: 'body', filler: 5, day: 6 },
  { orbit: 'body', lunar: 'body', filler: 1, day: 7 },
  { orbit: 'body', filler: 5, day: 6 },
  { orbit: 'body', lunar: 'standfirst', filler: 8, day: 10 },
]

function textFor(fixture: Fixture, where: Where): string {
  const words = [where === 'headline' ? 'Report' : 'Notes']
  if (fixture.orbit === where) words.push('orbit')
  if (fixture.lunar === where) words.push('lunar')
  if (where === 'body') words.push(...Array.from({ length: fixture.filler }, () => 'filler words here'))
  return words.join(' ')
}

/** Which tier a fixture is in for a query of these words: headline, else standfirst, else body. */
function tierOf(fixture: Fixture, words: Array<'orbit' | 'lunar'>): number {
  const places = words.map((word) => (word === 'orbit' ? fixture.orbit : fixture.lunar))
  return places.includes('headline') ? 0 : places.includes('standfirst') ? 1 : 2
}

const ids: number[] = []

beforeAll(async () => {
  for (const fixture of FIXTURES) {
    const article = await createArticle(payload(), {
      headline: textFor(fixture, 'headline'),
      standfirst: textFor(fixture, 'standfirst'),
      body: paragraphsToLexical([textFor(fixture, 'body')]),
      publishedAt: new Date(Date.UTC(2024, 0, fixture.day)).toISOString(),
      _status: 'published',
    })
    ids.push(article.id)
  }
})

function rank(text: string, limit: number, offset: number, sqlite?: SqliteRanking): Promise<RankedPage> {
  const parsed = parseQuery(text)
  if (!parsed.ok) throw new Error(parsed.message)
  return rankFromIndex(sqlRunnerOf(payload())!, parsed.query, { limit, offset }, { sqlite })
}

/** SQLite ranks a small match set whole and a large one tier by tier: both must give the same pages (PostgreSQL has one way). */
const SQLITE_RANKINGS: Array<[string, SqliteRanking]> = [
  ['ranked whole', {}],
  ['ranked tier by tier', { rankWholeUpTo: 0 }],
]

describe.each(SQLITE_RANKINGS)('a ranked page from the index is its slice of the whole ranking (SQLite: %s)', (_, sqlite) => {
  const QUERIES: Array<[string, Array<'orbit' | 'lunar'>]> = [
    ['orbit', ['orbit']],
    ['orbit lunar', ['orbit', 'lunar']],
  ]

  it.each(QUERIES)('%s: every page size and offset, tiers in order, counts exact', async (text, words) => {
    const matching = FIXTURES.flatMap((fixture, index) => (words.every((word) => (word === 'orbit' ? fixture.orbit : fixture.lunar)) ? [index] : []))
    const whole = await rank(text, 100, 0, sqlite)
    expect(whole.totalDocs).toBe(matching.length)
    expect([...whole.ids].map(Number).sort((a, b) => a - b)).toEqual(matching.map((index) => ids[index]))
    const tiers = whole.ids.map((id) => tierOf(FIXTURES[ids.indexOf(Number(id))]!, words))
    expect(tiers).toEqual([...tiers].sort())
    expect(await rank(text, 100, 0, { rankWholeUpTo: 0 })).toEqual(whole)
    for (const limit of [1, 2, 3, 5]) {
      for (let offset = 0; offset <= matching.length + 1; offset += 1) {
        expect(await rank(text, limit, offset, sqlite)).toEqual({ ids: whole.ids.slice(offset, offset + limit), totalDocs: matching.length })
      }
    }
  })

  it('nothing found: no ids, a count of zero', async () => {
    expect(await rank('orbit nowhere', 10, 0, sqlite)).toEqual({ ids: [], totalDocs: 0 })
  })
})

describe('prefixes', () => {
  it('a word first published just now is found by its prefix, and so is one of many words sharing a prefix', async () => {
    const words = Array.from({ length: 70 }, (_, index) => `quokka${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`)
    const article = await createArticle(payload(), {
      headline: 'Zebrafinches sighted',
      body: paragraphsToLexical([words.join(' ')]),
      publishedAt: new Date(Date.UTC(2024, 1, 1)).toISOString(),
      _status: 'published',
    })
    expect(await rank('zebrafin', 10, 0)).toEqual({ ids: [article.id], totalDocs: 1 })
    expect(await rank('quokk', 10, 0)).toEqual({ ids: [article.id], totalDocs: 1 })
    expect(await rank('quokkb', 10, 0)).toEqual({ ids: [], totalDocs: 0 })
  })
})

describe('the PostgreSQL ranking plan', () => {
  if (testDatabaseEngine() !== 'postgres') return

  /** The plans of every statement `work` runs on one connection, nested ones included (auto_explain, sent back as notices). */
  async function plansOf(work: (runner: ReturnType<typeof postgresRunner>) => Promise<unknown>): Promise<string> {
    const client = await (payload().db as unknown as { pool: Pool }).pool.connect()
    const plans: string[] = []
    client.on('notice', (notice) => plans.push(notice.message ?? ''))
    try {
      await client.query(`LOAD 'auto_explain'`)
      await client.query('SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on; SET auto_explain.log_level = notice')
      await work(postgresRunner(drizzle(client)))
      return plans.join('\n')
    } finally {
      await client.query('DISCARD ALL')
      client.release()
    }
  }

  it('reads the matches from the GIN index where the planner would rather scan the table (a few rows here, a fifth of the archive for a common word)', async () => {
    const parsed = parseQuery('orbit')
    if (!parsed.ok) throw new Error(parsed.message)
    const plans = await plansOf((runner) => rankFromIndex(runner, parsed.query, { limit: 10, offset: 0 }))
    expect(plans).toMatch(/Index Scan on articles_search_vector_idx/)
    expect(plans).not.toMatch(/Seq Scan on articles\b/)
    // The same statement left to the planner scans the table: the test's small table stands for the common word.
    const scanned = await plansOf((runner) => runner.rows(sql`SELECT id FROM articles WHERE search_vector @@ to_tsquery('simple', 'orbit')`))
    expect(scanned).toMatch(/Seq Scan on articles\b/)
  })
})
