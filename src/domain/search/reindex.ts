import { sql } from 'drizzle-orm'
import type { Payload } from 'payload'

import { toArticleSearchText, type ArticleSearchText } from '@/lib/search/indexText'
import { inSqliteTransaction, sqlRunnerOf, type SqlRunner } from './sqlRunner'

/** Rows per write batch: one SQLite transaction each, so a rebuild is not one commit per article. */
const BATCH = 500

export type ReindexReport = { articles: number; published: number }

type ArticleRow = { id: number; headline: string | null; standfirst: string | null; body: unknown }

const parsedBody = (body: unknown) => (typeof body === 'string' ? (JSON.parse(body) as unknown) : body)

function writeSearchText(runner: SqlRunner, id: number, text: ArticleSearchText): Promise<void> {
  return runner.run(
    sql`UPDATE articles SET search_headline = ${text.searchHeadline}, search_standfirst = ${text.searchStandfirst}, search_body = ${text.searchBody} WHERE id = ${id}`,
  )
}

/**
 * Recomputes every article's stored search text from the content readers see (the main row,
 * never a draft version) and lets the database's own index follow: the SQLite triggers rewrite
 * each published article's FTS5 row, PostgreSQL regenerates `search_vector`. Then entries of
 * anything no longer published are dropped, so the index ends exact.
 */
export async function reindexSqlArticles(runner: SqlRunner): Promise<ReindexReport> {
  let articles = 0
  for (let after = 0; ; ) {
    const rows = await runner.rows<ArticleRow>(sql`SELECT id, headline, standfirst, body FROM articles WHERE id > ${after} ORDER BY id LIMIT ${BATCH}`)
    if (rows.length === 0) break
    await inSqliteTransaction(runner, async () => {
      for (const row of rows) await writeSearchText(runner, Number(row.id), toArticleSearchText({ ...row, body: parsedBody(row.body) }))
    })
    articles += rows.length
    after = Number(rows[rows.length - 1]!.id)
  }
  if (runner.engine === 'sqlite') {
    await runner.run(sql`DELETE FROM article_search WHERE rowid NOT IN (SELECT id FROM articles WHERE _status = 'published')`)
    await runner.run(sql`INSERT INTO article_search(article_search) VALUES ('optimize')`)
  }
  const [counted] = await runner.rows<{ published: number | string }>(sql`SELECT count(*) AS published FROM articles WHERE _status = 'published'`)
  return { articles, published: Number(counted?.published ?? 0) }
}

type MongoArticles = {
  find: (filter: object, projection: object) => { lean: () => { cursor: () => AsyncIterable<ArticleRow & { _id: unknown }> } }
  updateOne: (filter: object, update: object) => Promise<unknown>
  countDocuments: (filter: object) => Promise<number>
}

/** MongoDB: the same stored text; its text index (see mongo.ts) follows by itself. Untested against a server. */
async function reindexMongoArticles(payload: Payload): Promise<ReindexReport> {
  const collection = (payload.db as unknown as { collections: { articles: MongoArticles } }).collections.articles
  let articles = 0
  for await (const doc of collection.find({}, { headline: 1, standfirst: 1, body: 1 }).lean().cursor()) {
    await collection.updateOne({ _id: doc._id }, { $set: toArticleSearchText(doc) })
    articles += 1
  }
  return { articles, published: await collection.countDocuments({ _status: 'published' }) }
}

export async function reindexArticles(payload: Payload): Promise<ReindexReport> {
  const runner = sqlRunnerOf(payload)
  return runner ? reindexSqlArticles(runner) : reindexMongoArticles(payload)
}
