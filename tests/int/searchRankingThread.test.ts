import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from 'drizzle-orm'

import { rankFromIndex } from '../../src/domain/search/rankedIds'
import { registeredRankingThread, registerRankingThread, type RankingThread } from '../../src/domain/search/rankingThread'
import { sqlRunnerOf } from '../../src/domain/search/sqlRunner'
import { startRankingThread } from '../../src/domain/search/startRankingThread'
import { getSettings } from '../../src/config/settings'
import { paragraphsToLexical } from '../../src/lib/richText'
import { parseQuery } from '../../src/lib/search/query'
import { createArticle } from '../support/content'
import { headlinesFor } from '../support/search'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let thread: RankingThread

const HEADLINES = ['Summit opens', 'Summit closes', 'Leaders meet', 'Путин прибыл', '习近平会见普京']

beforeAll(async () => {
  for (const [index, headline] of HEADLINES.entries()) {
    await createArticle(payload(), {
      headline,
      standfirst: index % 2 ? 'After the summit, trade talks' : null,
      body: paragraphsToLexical([`Putin and the summit, part ${index}. 普京访问中国。`]),
      publishedAt: new Date(Date.UTC(2024, 0, index + 1)).toISOString(),
      _status: 'published',
    })
  }
  const database = getSettings().database
  if (database.engine !== 'sqlite') throw new Error('the ranking thread serves SQLite (see scripts/testPostgres.ts)')
  thread = startRankingThread(database.url)
})

afterAll(async () => {
  registerRankingThread(null)
  await thread?.close()
})

/** The search's version counter as the app reads it before asking the thread. */
const indexVersion = async () =>
  String((await sqlRunnerOf(payload())!.rows<{ version: number }>(sql`SELECT version FROM article_search_version WHERE id = 1`))[0]!.version)

const queryOf = (text: string) => {
  const parsed = parseQuery(text)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.query
}

describe('the SQLite ranking thread', () => {
  it('ranks every page exactly as the calling thread does', async () => {
    const runner = sqlRunnerOf(payload())!
    const version = await indexVersion()
    for (const text of ['summit', 'putin', 'Путин', '普京', '"trade talks"', 'summit putin', 'nothing-like-this']) {
      for (const page of [{ limit: 2, offset: 0 }, { limit: 2, offset: 2 }, { limit: 10, offset: 0 }]) {
        expect(await thread.rank(queryOf(text), page, version)).toEqual(await rankFromIndex(runner, queryOf(text), page))
      }
    }
  })

  it('serves the searches once registered, and sees what was published after it started', async () => {
    registerRankingThread(thread)
    expect(registeredRankingThread()).toBe(thread)
    const before = thread.answered()
    await createArticle(payload(), { headline: 'Summit extra', body: paragraphsToLexical(['Late news.']), publishedAt: '2025-01-01T00:00:00.000Z', _status: 'published' })
    expect(await headlinesFor(payload(), 'summit')).toEqual(['Summit extra', 'Summit closes', 'Summit opens', 'Путин прибыл', 'Leaders meet', '习近平会见普京'])
    expect(thread.answered()).toBeGreaterThan(before)
  })

  it('finds a word published after it looked up the words of its prefix', async () => {
    const page = { limit: 10, offset: 0 }
    expect(await thread.rank(queryOf('quorat'), page, await indexVersion())).toEqual({ ids: [], totalDocs: 0 })
    const article = await createArticle(payload(), { headline: 'Quorate at last', body: paragraphsToLexical(['The vote goes ahead.']), _status: 'published' })
    expect(await thread.rank(queryOf('quorat'), page, await indexVersion())).toEqual({ ids: [article.id], totalDocs: 1 })
    await payload().delete({ collection: 'articles', id: article.id })
  })

  it('fails a ranking it cannot make with the reason, and keeps answering', async () => {
    const broken = startRankingThread('file:/nonexistent-folder/none.db')
    await expect(broken.rank(queryOf('summit'), { limit: 1, offset: 0 }, '1')).rejects.toThrow(/unable to open|no such|SQLITE_CANTOPEN/i)
    await broken.close()
    expect((await thread.rank(queryOf('summit'), { limit: 1, offset: 0 }, await indexVersion())).totalDocs).toBeGreaterThan(0)
  })

  it('starts a new thread for the next ranking once its thread has stopped', async () => {
    await thread.close()
    expect((await thread.rank(queryOf('summit'), { limit: 1, offset: 0 }, await indexVersion())).totalDocs).toBe(HEADLINES.length + 1)
  })
})
