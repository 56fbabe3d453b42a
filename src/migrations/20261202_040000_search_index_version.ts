import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/*
 * A counter the database moves whenever the search index may have changed (a publish, an
 * unpublish, a published edit, a delete), in the same statement: cached rankings are kept
 * against it (src/domain/search/rankCache.ts), so a cached page never outlives the index it
 * was ranked from. The triggers may move it more often than the index changes; never less.
 */

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE article_search_version (id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL);`)
  await db.run(sql`INSERT INTO article_search_version (id, version) VALUES (1, 0);`)
  await db.run(sql`CREATE TRIGGER article_search_version_after_insert AFTER INSERT ON articles WHEN NEW._status = 'published' BEGIN
    UPDATE article_search_version SET version = version + 1 WHERE id = 1;
  END;`)
  await db.run(sql`CREATE TRIGGER article_search_version_after_update AFTER UPDATE OF _status, search_headline, search_standfirst, search_body ON articles
    WHEN OLD._status = 'published' OR NEW._status = 'published' BEGIN
    UPDATE article_search_version SET version = version + 1 WHERE id = 1;
  END;`)
  await db.run(sql`CREATE TRIGGER article_search_version_after_delete AFTER DELETE ON articles WHEN OLD._status = 'published' BEGIN
    UPDATE article_search_version SET version = version + 1 WHERE id = 1;
  END;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TRIGGER IF EXISTS article_search_version_after_insert;`)
  await db.run(sql`DROP TRIGGER IF EXISTS article_search_version_after_update;`)
  await db.run(sql`DROP TRIGGER IF EXISTS article_search_version_after_delete;`)
  await db.run(sql`DROP TABLE IF EXISTS article_search_version;`)
}
