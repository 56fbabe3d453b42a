import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/*
 * The headline's and the standfirst's own tsvectors, each with a GIN index, beside the whole
 * (search_vector): the ranking tier a page needs (headline, else standfirst, else body) is then
 * picked from an index, and ts_rank runs over that tier's rows only, not over every match of a
 * common word. Generated from the same columns, null unless the row is published, so they change
 * in the publish's own statement like search_vector (and with it: the version counter's triggers
 * watch search_vector, which changes whenever either of these does). Payload's schema does not
 * change (the columns are the database's own), so there is no snapshot change.
 */

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "articles"
    ADD COLUMN "search_vector_headline" tsvector GENERATED ALWAYS AS (
      CASE WHEN "_status" = 'published' THEN to_tsvector('simple', coalesce("search_headline", '')) END) STORED,
    ADD COLUMN "search_vector_standfirst" tsvector GENERATED ALWAYS AS (
      CASE WHEN "_status" = 'published' THEN to_tsvector('simple', coalesce("search_standfirst", '')) END) STORED;
  CREATE INDEX "articles_search_vector_headline_idx" ON "articles" USING gin ("search_vector_headline");
  CREATE INDEX "articles_search_vector_standfirst_idx" ON "articles" USING gin ("search_vector_standfirst");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "articles_search_vector_headline_idx";
  DROP INDEX IF EXISTS "articles_search_vector_standfirst_idx";
  ALTER TABLE "articles" DROP COLUMN IF EXISTS "search_vector_headline", DROP COLUMN IF EXISTS "search_vector_standfirst";`)
}
