import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/*
 * Search answers for anonymous readers at depth 0 are kept, documents and all, against the
 * version counter (src/domain/search/searchArticles.ts), so the counter must move on any change
 * to what a published article shows, not only to its index entry: any column of its row (a new
 * slug, date or section), its relationships (articles_rels: authors, images in the body) and
 * its corrections. Each in the same statement as the write, as before.
 */

const BUMP = sql.raw('UPDATE article_search_version SET version = version + 1 WHERE id = 1;')

const publishedParent = (table: 'articles_rels' | 'articles_corrections', row: 'NEW' | 'OLD') =>
  sql.raw(`(SELECT _status FROM articles WHERE id = ${row}.${table === 'articles_rels' ? 'parent_id' : '_parent_id'}) = 'published'`)

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP TRIGGER IF EXISTS article_search_version_after_update;`)
  await db.run(sql`CREATE TRIGGER article_search_version_after_update AFTER UPDATE ON articles
    WHEN OLD._status = 'published' OR NEW._status = 'published' BEGIN ${BUMP} END;`)
  for (const table of ['articles_rels', 'articles_corrections'] as const) {
    await db.run(sql`CREATE TRIGGER ${sql.raw(`article_search_version_after_${table}_insert`)} AFTER INSERT ON ${sql.raw(table)}
      WHEN ${publishedParent(table, 'NEW')} BEGIN ${BUMP} END;`)
    await db.run(sql`CREATE TRIGGER ${sql.raw(`article_search_version_after_${table}_update`)} AFTER UPDATE ON ${sql.raw(table)}
      WHEN ${publishedParent(table, 'OLD')} OR ${publishedParent(table, 'NEW')} BEGIN ${BUMP} END;`)
    await db.run(sql`CREATE TRIGGER ${sql.raw(`article_search_version_after_${table}_delete`)} AFTER DELETE ON ${sql.raw(table)}
      WHEN ${publishedParent(table, 'OLD')} BEGIN ${BUMP} END;`)
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const table of ['articles_rels', 'articles_corrections']) {
    for (const event of ['insert', 'update', 'delete']) await db.run(sql`DROP TRIGGER IF EXISTS ${sql.raw(`article_search_version_after_${table}_${event}`)};`)
  }
  await db.run(sql`DROP TRIGGER IF EXISTS article_search_version_after_update;`)
  await db.run(sql`CREATE TRIGGER article_search_version_after_update AFTER UPDATE OF _status, search_headline, search_standfirst, search_body ON articles
    WHEN OLD._status = 'published' OR NEW._status = 'published' BEGIN ${BUMP} END;`)
}
