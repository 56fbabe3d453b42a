import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`public\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`seed_key\` text;`)
  await db.run(sql`CREATE INDEX \`media_public_idx\` ON \`media\` (\`public\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_seed_key_idx\` ON \`media\` (\`seed_key\`);`)
  await db.run(sql`ALTER TABLE \`_media_v\` ADD \`version_public\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_media_v\` ADD \`version_seed_key\` text;`)
  await db.run(sql`CREATE INDEX \`_media_v_version_version_public_idx\` ON \`_media_v\` (\`version_public\`);`)
  await db.run(sql`CREATE INDEX \`_media_v_version_version_seed_key_idx\` ON \`_media_v\` (\`version_seed_key\`);`)
  // Images already shown by published articles stay visible to readers; the seed's photo keeps its key.
  await db.run(sql`UPDATE \`media\` SET \`public\` = 1 WHERE \`id\` IN (SELECT \`hero_image_id\` FROM \`articles\` WHERE \`_status\` = 'published');`)
  await db.run(sql`UPDATE \`media\` SET \`seed_key\` = 'first-article-photo' WHERE \`filename\` = 'xi-putin-beijing-stand-in.jpg';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`media_public_idx\`;`)
  await db.run(sql`DROP INDEX \`media_seed_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`public\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`seed_key\`;`)
  await db.run(sql`DROP INDEX \`_media_v_version_version_public_idx\`;`)
  await db.run(sql`DROP INDEX \`_media_v_version_version_seed_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`_media_v\` DROP COLUMN \`version_public\`;`)
  await db.run(sql`ALTER TABLE \`_media_v\` DROP COLUMN \`version_seed_key\`;`)
}
