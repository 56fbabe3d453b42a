import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// drizzle writes an added foreign key without its ON DELETE; deleting the logo image must empty the setting, as PostgreSQL's does.

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`name\` text DEFAULT 'The Dispatch' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`description\` text DEFAULT 'World news, with every image credited and licensed.' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`logo_id\` integer REFERENCES media(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`feed_content\` text DEFAULT 'summary' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`tdm\` text DEFAULT 'reserved' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`tdm_policy_url\` text;`)
  await db.run(sql`CREATE INDEX \`site_settings_logo_idx\` ON \`site_settings\` (\`logo_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_site_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`commercial\` integer DEFAULT true,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_site_settings\`("id", "commercial", "updated_at", "created_at") SELECT "id", "commercial", "updated_at", "created_at" FROM \`site_settings\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`ALTER TABLE \`__new_site_settings\` RENAME TO \`site_settings\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}
