import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/*
 * Prefix matching without merging lists (src/lib/search/fts5Terms.ts says which prefix goes which way):
 * - the index keeps lists of 4-character prefixes too (`prefix='2 3 4'`): FTS5 otherwise
 *   matches such a prefix (nato*, kyiv*, bank*) by merging the list of every word it starts,
 *   each time. FTS5 cannot add a prefix index to a table, so the table is rebuilt from the
 *   published rows, as its triggers fill it (about 100 s for 100,000 articles);
 * - the index's own word list (`article_search_terms`, fts5vocab: a read-only view of
 *   article_search, nothing stored), from which a longer prefix is written as the words it
 *   stands for (`putin*` → putin, putina).
 */

async function rebuildIndex(db: MigrateUpArgs['db'], prefixes: string): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS article_search;`)
  await db.run(
    sql.raw(
      `CREATE VIRTUAL TABLE article_search USING fts5(headline, standfirst, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='${prefixes}');`,
    ),
  )
  await db.run(sql`INSERT INTO article_search(rowid, headline, standfirst, body)
    SELECT id, coalesce(search_headline, ''), coalesce(search_standfirst, ''), coalesce(search_body, '') FROM articles WHERE _status = 'published';`)
  await db.run(sql`INSERT INTO article_search(article_search) VALUES ('optimize');`)
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await rebuildIndex(db, '2 3 4')
  await db.run(sql`CREATE VIRTUAL TABLE article_search_terms USING fts5vocab(article_search, 'row');`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS article_search_terms;`)
  await rebuildIndex(db, '2 3')
}
