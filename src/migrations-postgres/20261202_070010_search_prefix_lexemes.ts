import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/*
 * Every lexeme search_vector has held that starts below U+2E80 (LEXICON_BELOW in
 * src/lib/search/tsqueryExpansion.ts: not the Chinese pairs, millions of them, whose one-character
 * prefixes stay prefixes), once (a C-collated b-tree, so a prefix is one range):
 * a query's prefix (putin:*) is matched as the lexemes it stands for ('putin' | 'putina'). GIN
 * reads a prefix by collecting every article of every lexeme in its range before it can intersect
 * (a common word: a quarter of the archive, ~10 ms), and exact lexemes let it skip along the
 * query's rarest one instead (under 1 ms). Filled in the statement that writes an article's
 * vector (a statement trigger, one insert per statement); lexemes are never removed: one that
 * no article holds any more costs an empty branch of a query, never a wrong match. Payload's
 * schema does not change (the table is the database's own), so there is no snapshot change.
 */

const ADD_LEXEMES = (rows: string) =>
  `INSERT INTO "article_search_lexemes" ("lexeme")
    SELECT DISTINCT "lexeme" FROM "${rows}", unnest(tsvector_to_array("search_vector")) AS "lexeme"
    WHERE "search_vector" IS NOT NULL AND "lexeme" COLLATE "C" < chr(11904)
    ON CONFLICT DO NOTHING;`

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "article_search_lexemes" ("lexeme" text COLLATE "C" PRIMARY KEY);
  CREATE FUNCTION "article_search_lexemes_add"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${sql.raw(ADD_LEXEMES('new_rows'))}
    RETURN NULL;
  END $$;
  CREATE TRIGGER "article_search_lexemes_insert" AFTER INSERT ON "articles" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "article_search_lexemes_add"();
  CREATE TRIGGER "article_search_lexemes_update" AFTER UPDATE ON "articles" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "article_search_lexemes_add"();`)
  await db.execute(sql.raw(ADD_LEXEMES('articles')))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS "article_search_lexemes_insert" ON "articles";
  DROP TRIGGER IF EXISTS "article_search_lexemes_update" ON "articles";
  DROP FUNCTION IF EXISTS "article_search_lexemes_add"();
  DROP TABLE IF EXISTS "article_search_lexemes";`)
}
