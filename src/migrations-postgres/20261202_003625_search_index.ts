import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { reindexSqlArticles } from '../domain/search/reindex'
import { postgresRunner } from '../domain/search/sqlRunner'

/*
 * The search index: a tsvector generated from the articles row readers see, empty unless the
 * row is published, so it changes in the same statement (and transaction) as a publish, an
 * unpublish, a published edit or a delete, and never on a draft save (which writes versions
 * only). Weights: A headline, B standfirst, C body. The 'simple' configuration indexes the text
 * the app has already folded and cut (src/lib/search/text.ts: Chinese runs as overlapping
 * bigrams, which neither 'simple' nor pg_trgm can segment); queries use prefixes (путин:*).
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "search_headline" varchar;
  ALTER TABLE "articles" ADD COLUMN "search_standfirst" varchar;
  ALTER TABLE "articles" ADD COLUMN "search_body" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_search_headline" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_search_standfirst" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_search_body" varchar;`)
  await db.execute(sql`
  ALTER TABLE "articles" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    CASE WHEN "_status" = 'published' THEN
      setweight(to_tsvector('simple', coalesce("search_headline", '')), 'A') ||
      setweight(to_tsvector('simple', coalesce("search_standfirst", '')), 'B') ||
      setweight(to_tsvector('simple', coalesce("search_body", '')), 'C')
    END) STORED;
  CREATE INDEX "articles_search_vector_idx" ON "articles" USING gin ("search_vector");`)
  // Ranking reads each match's vector: lz4 decompresses it several times faster than the default pglz.
  // (PostgreSQL 14+ built with lz4, as Debian's is; otherwise the default stays.)
  await db.execute(sql`DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
      ALTER TABLE "articles" ALTER COLUMN "search_vector" SET COMPRESSION lz4;
    END IF;
  END $$;`)
  // Articles already there get their search text, and so their index entry when published.
  await reindexSqlArticles(postgresRunner(db))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX IF EXISTS "articles_search_vector_idx";
  ALTER TABLE "articles" DROP COLUMN IF EXISTS "search_vector";
   ALTER TABLE "articles" DROP COLUMN "search_headline";
  ALTER TABLE "articles" DROP COLUMN "search_standfirst";
  ALTER TABLE "articles" DROP COLUMN "search_body";
  ALTER TABLE "_articles_v" DROP COLUMN "version_search_headline";
  ALTER TABLE "_articles_v" DROP COLUMN "version_search_standfirst";
  ALTER TABLE "_articles_v" DROP COLUMN "version_search_body";`)
}
