import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "_status_publishedAt_idx" ON "articles" USING btree ("_status","published_at");
  CREATE INDEX "section__status_publishedAt_idx" ON "articles" USING btree ("section_id","_status","published_at");
  CREATE INDEX "heroImage__status_publishedAt_idx" ON "articles" USING btree ("hero_image_id","_status","published_at");
  CREATE INDEX "version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version__status","version_published_at");
  CREATE INDEX "version_section_version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version_section_id","version__status","version_published_at");
  CREATE INDEX "version_heroImage_version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version_hero_image_id","version__status","version_published_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "_status_publishedAt_idx";
  DROP INDEX "section__status_publishedAt_idx";
  DROP INDEX "heroImage__status_publishedAt_idx";
  DROP INDEX "version__status_version_publishedAt_idx";
  DROP INDEX "version_section_version__status_version_publishedAt_idx";
  DROP INDEX "version_heroImage_version__status_version_publishedAt_idx";`)
}
