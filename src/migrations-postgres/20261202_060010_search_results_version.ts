import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/*
 * Search answers for anonymous readers at depth 0 are kept, documents and all, against the
 * version counter (src/domain/search/searchArticles.ts), so the counter must move on any change
 * to what a published article shows, not only to its search_vector: any column of its row (a
 * new slug, date or section), its relationships (articles_rels: authors, images in the body) and
 * its corrections. The triggers fire once per statement (transition tables), not per row, so a
 * bulk INSERT … SELECT of 100,000 articles moves the counter once; each runs in the write's own
 * transaction, as before.
 */

/** Which published articles a statement's changed rows (a transition table) belong to. */
const PUBLISHED_ROWS: Record<string, (rows: string) => string> = {
  articles: (rows) => `SELECT 1 FROM "${rows}" WHERE "_status" = 'published'`,
  articles_rels: (rows) => `SELECT 1 FROM "${rows}" AS r JOIN "articles" AS a ON a."id" = r."parent_id" WHERE a."_status" = 'published'`,
  articles_corrections: (rows) => `SELECT 1 FROM "${rows}" AS r JOIN "articles" AS a ON a."id" = r."_parent_id" WHERE a."_status" = 'published'`,
}

/*
 * Each transition table is read only where the event has it (an INSERT has no old rows): one
 * IF per table, since PL/pgSQL plans a whole condition at once.
 */
const bumpFunction = (table: string) =>
  sql.raw(`CREATE FUNCTION "article_search_version_bump_${table}"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'DELETE' THEN
      IF EXISTS (${PUBLISHED_ROWS[table]!('new_rows')}) THEN
        UPDATE "article_search_version" SET "version" = "version" + 1 WHERE "id" = 1;
        RETURN NULL;
      END IF;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      IF EXISTS (${PUBLISHED_ROWS[table]!('old_rows')}) THEN
        UPDATE "article_search_version" SET "version" = "version" + 1 WHERE "id" = 1;
      END IF;
    END IF;
    RETURN NULL;
  END $$;`)

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS "article_search_version_after_insert" ON "articles";
  DROP TRIGGER IF EXISTS "article_search_version_after_update" ON "articles";
  DROP TRIGGER IF EXISTS "article_search_version_after_delete" ON "articles";`)
  for (const table of Object.keys(PUBLISHED_ROWS)) {
    const on = sql.raw(`"${table}"`)
    const run = sql.raw(`"article_search_version_bump_${table}"()`)
    const name = (event: string) => sql.raw(`"article_search_version_${table}_${event}"`)
    await db.execute(bumpFunction(table))
    await db.execute(sql`
    CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${on} REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION ${run};
    CREATE TRIGGER ${name('update')} AFTER UPDATE ON ${on} REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION ${run};
    CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${on} REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION ${run};`)
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const table of Object.keys(PUBLISHED_ROWS)) {
    for (const event of ['insert', 'update', 'delete']) await db.execute(sql`DROP TRIGGER IF EXISTS ${sql.raw(`"article_search_version_${table}_${event}"`)} ON ${sql.raw(`"${table}"`)};`)
    await db.execute(sql`DROP FUNCTION IF EXISTS ${sql.raw(`"article_search_version_bump_${table}"`)}();`)
  }
  await db.execute(sql`
  CREATE TRIGGER "article_search_version_after_insert" AFTER INSERT ON "articles"
    FOR EACH ROW WHEN (NEW."search_vector" IS NOT NULL) EXECUTE FUNCTION "article_search_version_bump"();
  CREATE TRIGGER "article_search_version_after_update" AFTER UPDATE ON "articles"
    FOR EACH ROW WHEN (OLD."search_vector" IS DISTINCT FROM NEW."search_vector") EXECUTE FUNCTION "article_search_version_bump"();
  CREATE TRIGGER "article_search_version_after_delete" AFTER DELETE ON "articles"
    FOR EACH ROW WHEN (OLD."search_vector" IS NOT NULL) EXECUTE FUNCTION "article_search_version_bump"();`)
}
