import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/*
 * A counter the database moves whenever an article's index entry (search_vector) changes, in
 * the same transaction: cached rankings are kept against it (src/domain/search/rankCache.ts),
 * so a cached page never outlives the index it was ranked from. A reader reads it before
 * ranking, so a ranking is never stored under a version newer than the data it saw.
 */

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "article_search_version" ("id" integer PRIMARY KEY CHECK ("id" = 1), "version" bigint NOT NULL);
  INSERT INTO "article_search_version" ("id", "version") VALUES (1, 0);
  CREATE FUNCTION "article_search_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE "article_search_version" SET "version" = "version" + 1 WHERE "id" = 1;
    RETURN NULL;
  END $$;
  CREATE TRIGGER "article_search_version_after_insert" AFTER INSERT ON "articles"
    FOR EACH ROW WHEN (NEW."search_vector" IS NOT NULL) EXECUTE FUNCTION "article_search_version_bump"();
  CREATE TRIGGER "article_search_version_after_update" AFTER UPDATE ON "articles"
    FOR EACH ROW WHEN (OLD."search_vector" IS DISTINCT FROM NEW."search_vector") EXECUTE FUNCTION "article_search_version_bump"();
  CREATE TRIGGER "article_search_version_after_delete" AFTER DELETE ON "articles"
    FOR EACH ROW WHEN (OLD."search_vector" IS NOT NULL) EXECUTE FUNCTION "article_search_version_bump"();`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS "article_search_version_after_insert" ON "articles";
  DROP TRIGGER IF EXISTS "article_search_version_after_update" ON "articles";
  DROP TRIGGER IF EXISTS "article_search_version_after_delete" ON "articles";
  DROP FUNCTION IF EXISTS "article_search_version_bump"();
  DROP TABLE IF EXISTS "article_search_version";`)
}
