import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { reindexSqlArticles } from '../domain/search/reindex'
import { sqliteRunner } from '../domain/search/sqlRunner'

/*
 * The search index: an FTS5 table holding only published articles, kept by triggers on the
 * articles row readers see, so it changes in the same statement as a publish, an unpublish, a
 * published edit or a delete, and never on a draft save (which writes versions only).
 * - Contentless (content=''): it stores tokens, not a second copy of the text; excerpts come
 *   from the published document itself.
 * - unicode61 on text the app has already folded and cut (src/lib/search/text.ts): Chinese runs
 *   as overlapping bigrams, so two-character names are found, which trigram cannot do; queries
 *   use prefixes (Путин* finds Путина), and prefix='2 3' keeps short prefixes fast.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`search_headline\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`search_standfirst\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`search_body\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_search_headline\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_search_standfirst\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_search_body\` text;`)
  await db.run(
    sql`CREATE VIRTUAL TABLE article_search USING fts5(headline, standfirst, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3');`,
  )
  await db.run(sql`CREATE TRIGGER article_search_after_insert AFTER INSERT ON articles WHEN NEW._status = 'published' BEGIN
    INSERT INTO article_search(rowid, headline, standfirst, body) VALUES (NEW.id, coalesce(NEW.search_headline, ''), coalesce(NEW.search_standfirst, ''), coalesce(NEW.search_body, ''));
  END;`)
  await db.run(sql`CREATE TRIGGER article_search_after_update AFTER UPDATE OF _status, search_headline, search_standfirst, search_body ON articles BEGIN
    DELETE FROM article_search WHERE rowid = OLD.id;
    INSERT INTO article_search(rowid, headline, standfirst, body) SELECT NEW.id, coalesce(NEW.search_headline, ''), coalesce(NEW.search_standfirst, ''), coalesce(NEW.search_body, '') WHERE NEW._status = 'published';
  END;`)
  // Ranking reads each match's status and date: from this index, not the article rows, whose
  // body text would have to be paged through to reach them (overflow pages).
  await db.run(sql`CREATE INDEX article_search_order_idx ON articles (id, _status, published_at);`)
  await db.run(sql`CREATE TRIGGER article_search_after_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_search WHERE rowid = OLD.id;
  END;`)
  // Articles already there get their search text and, when published, their index entry.
  await reindexSqlArticles(sqliteRunner(db))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TRIGGER IF EXISTS article_search_after_insert;`)
  await db.run(sql`DROP TRIGGER IF EXISTS article_search_after_update;`)
  await db.run(sql`DROP TRIGGER IF EXISTS article_search_after_delete;`)
  await db.run(sql`DROP TABLE IF EXISTS article_search;`)
  await db.run(sql`DROP INDEX IF EXISTS article_search_order_idx;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`search_headline\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`search_standfirst\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`search_body\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_search_headline\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_search_standfirst\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_search_body\`;`)
}
