import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_publishedAt_idx\` ON \`articles\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`section__status_publishedAt_idx\` ON \`articles\` (\`section_id\`,\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`heroImage__status_publishedAt_idx\` ON \`articles\` (\`hero_image_id\`,\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version_section_version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version_section_id\`,\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version_heroImage_version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version_hero_image_id\`,\`version__status\`,\`version_published_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`section__status_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`heroImage__status_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_section_version__status_version_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_heroImage_version__status_version_publishedAt_idx\`;`)
}
