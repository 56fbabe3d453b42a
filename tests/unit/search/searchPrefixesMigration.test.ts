import { describe, expect, it } from '@jest/globals'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'

import { FTS5_PREFIX_INDEX_LENGTHS } from '../../../src/lib/search/fts5Terms'
import { down, up } from '../../../src/migrations/20261202_080000_search_prefixes'

type MigrationArgs = Parameters<typeof up>[0]

/** An in-memory SQLite database with the index as migration …_search_index left it, and three articles. */
async function databaseBefore() {
  const client = createClient({ url: ':memory:' })
  await client.batch([
    'CREATE TABLE articles (id integer PRIMARY KEY, _status text, search_headline text, search_standfirst text, search_body text)',
    "CREATE VIRTUAL TABLE article_search USING fts5(headline, standfirst, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    "INSERT INTO articles VALUES (1, 'published', 'putin in beijing', 'summit', 'trade talks'), (2, 'draft', 'putina draft', '', ''), (3, 'published', 'putina', NULL, 'nato kyiv')",
    "INSERT INTO article_search(rowid, headline, standfirst, body) VALUES (1, 'putin in beijing', 'summit', 'trade talks'), (3, 'putina', '', 'nato kyiv')",
  ])
  const args = { db: drizzle(client) } as unknown as MigrationArgs
  const ids = async (match: string) => (await client.execute({ sql: 'SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid', args: [match] })).rows.map((row) => Number(row.rowid))
  const definition = async () => String((await client.execute("SELECT sql FROM sqlite_master WHERE name = 'article_search'")).rows[0]?.sql)
  return { client, args, ids, definition }
}

describe('migration …_search_prefixes (SQLite)', () => {
  it('rebuilds the index with lists of the prefix lengths the ranking leaves to FTS5, from the published rows, and adds its word list', async () => {
    const { client, args, ids, definition } = await databaseBefore()
    await up(args)
    expect(await definition()).toContain(`prefix='${FTS5_PREFIX_INDEX_LENGTHS.join(' ')}'`)
    expect(await ids('"puti"*')).toEqual([1, 3])
    expect(await ids('"nato"*')).toEqual([3])
    expect(await ids('"draft"')).toEqual([])
    const terms = await client.execute("SELECT term, doc FROM article_search_terms WHERE term >= 'putin' AND term < 'putin' || char(1114111) ORDER BY term")
    expect(terms.rows.map((row) => [row.term, Number(row.doc)])).toEqual([
      ['putin', 1],
      ['putina', 1],
    ])
  })

  it('goes back down to the index it replaced, entries kept', async () => {
    const { client, args, ids, definition } = await databaseBefore()
    await up(args)
    await down(args)
    expect(await definition()).toContain("prefix='2 3'")
    expect(await ids('"puti"*')).toEqual([1, 3])
    expect((await client.execute("SELECT count(*) AS n FROM sqlite_master WHERE name = 'article_search_terms'")).rows[0]?.n).toBe(0)
  })
})
