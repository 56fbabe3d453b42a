import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_users_role" AS ENUM('contributor', 'editor', 'admin');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'rewriteMediaFiles', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'rewriteMediaFiles', 'schedulePublish');
  CREATE TYPE "public"."enum_site_settings_feed_content" AS ENUM('summary', 'full');
  CREATE TYPE "public"."enum_site_settings_tdm" AS ENUM('reserved', 'allowed');
  CREATE TABLE "articles_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"text" varchar
  );
  
  CREATE TABLE "articles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"headline" varchar,
  	"generate_slug" boolean DEFAULT true,
  	"slug" varchar,
  	"standfirst" varchar,
  	"hero_image_id" integer,
  	"body" jsonb,
  	"byline" varchar,
  	"author_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"revised_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_articles_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_articles_v_version_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"text" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_articles_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_headline" varchar,
  	"version_generate_slug" boolean DEFAULT true,
  	"version_slug" varchar,
  	"version_standfirst" varchar,
  	"version_hero_image_id" integer,
  	"version_body" jsonb,
  	"version_byline" varchar,
  	"version_author_id" integer,
  	"version_published_at" timestamp(3) with time zone,
  	"version_revised_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__articles_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar NOT NULL,
  	"caption" varchar,
  	"public" boolean DEFAULT false,
  	"seed_key" varchar,
  	"title" varchar,
  	"creator" varchar,
  	"creator_url" varchar,
  	"source_url" varchar,
  	"license_id" integer NOT NULL,
  	"changes" varchar,
  	"permission_note" varchar,
  	"file_version" varchar,
  	"source_crop_left" numeric,
  	"source_crop_top" numeric,
  	"source_crop_width" numeric,
  	"source_crop_height" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_w320_url" varchar,
  	"sizes_w320_width" numeric,
  	"sizes_w320_height" numeric,
  	"sizes_w320_mime_type" varchar,
  	"sizes_w320_filesize" numeric,
  	"sizes_w320_filename" varchar,
  	"sizes_w320_avif_url" varchar,
  	"sizes_w320_avif_width" numeric,
  	"sizes_w320_avif_height" numeric,
  	"sizes_w320_avif_mime_type" varchar,
  	"sizes_w320_avif_filesize" numeric,
  	"sizes_w320_avif_filename" varchar,
  	"sizes_w320_webp_url" varchar,
  	"sizes_w320_webp_width" numeric,
  	"sizes_w320_webp_height" numeric,
  	"sizes_w320_webp_mime_type" varchar,
  	"sizes_w320_webp_filesize" numeric,
  	"sizes_w320_webp_filename" varchar,
  	"sizes_w480_url" varchar,
  	"sizes_w480_width" numeric,
  	"sizes_w480_height" numeric,
  	"sizes_w480_mime_type" varchar,
  	"sizes_w480_filesize" numeric,
  	"sizes_w480_filename" varchar,
  	"sizes_w480_avif_url" varchar,
  	"sizes_w480_avif_width" numeric,
  	"sizes_w480_avif_height" numeric,
  	"sizes_w480_avif_mime_type" varchar,
  	"sizes_w480_avif_filesize" numeric,
  	"sizes_w480_avif_filename" varchar,
  	"sizes_w480_webp_url" varchar,
  	"sizes_w480_webp_width" numeric,
  	"sizes_w480_webp_height" numeric,
  	"sizes_w480_webp_mime_type" varchar,
  	"sizes_w480_webp_filesize" numeric,
  	"sizes_w480_webp_filename" varchar,
  	"sizes_w768_url" varchar,
  	"sizes_w768_width" numeric,
  	"sizes_w768_height" numeric,
  	"sizes_w768_mime_type" varchar,
  	"sizes_w768_filesize" numeric,
  	"sizes_w768_filename" varchar,
  	"sizes_w768_avif_url" varchar,
  	"sizes_w768_avif_width" numeric,
  	"sizes_w768_avif_height" numeric,
  	"sizes_w768_avif_mime_type" varchar,
  	"sizes_w768_avif_filesize" numeric,
  	"sizes_w768_avif_filename" varchar,
  	"sizes_w768_webp_url" varchar,
  	"sizes_w768_webp_width" numeric,
  	"sizes_w768_webp_height" numeric,
  	"sizes_w768_webp_mime_type" varchar,
  	"sizes_w768_webp_filesize" numeric,
  	"sizes_w768_webp_filename" varchar,
  	"sizes_w1024_url" varchar,
  	"sizes_w1024_width" numeric,
  	"sizes_w1024_height" numeric,
  	"sizes_w1024_mime_type" varchar,
  	"sizes_w1024_filesize" numeric,
  	"sizes_w1024_filename" varchar,
  	"sizes_w1024_avif_url" varchar,
  	"sizes_w1024_avif_width" numeric,
  	"sizes_w1024_avif_height" numeric,
  	"sizes_w1024_avif_mime_type" varchar,
  	"sizes_w1024_avif_filesize" numeric,
  	"sizes_w1024_avif_filename" varchar,
  	"sizes_w1024_webp_url" varchar,
  	"sizes_w1024_webp_width" numeric,
  	"sizes_w1024_webp_height" numeric,
  	"sizes_w1024_webp_mime_type" varchar,
  	"sizes_w1024_webp_filesize" numeric,
  	"sizes_w1024_webp_filename" varchar,
  	"sizes_w1600_url" varchar,
  	"sizes_w1600_width" numeric,
  	"sizes_w1600_height" numeric,
  	"sizes_w1600_mime_type" varchar,
  	"sizes_w1600_filesize" numeric,
  	"sizes_w1600_filename" varchar,
  	"sizes_w1600_avif_url" varchar,
  	"sizes_w1600_avif_width" numeric,
  	"sizes_w1600_avif_height" numeric,
  	"sizes_w1600_avif_mime_type" varchar,
  	"sizes_w1600_avif_filesize" numeric,
  	"sizes_w1600_avif_filename" varchar,
  	"sizes_w1600_webp_url" varchar,
  	"sizes_w1600_webp_width" numeric,
  	"sizes_w1600_webp_height" numeric,
  	"sizes_w1600_webp_mime_type" varchar,
  	"sizes_w1600_webp_filesize" numeric,
  	"sizes_w1600_webp_filename" varchar
  );
  
  CREATE TABLE "_media_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_alt" varchar NOT NULL,
  	"version_caption" varchar,
  	"version_public" boolean DEFAULT false,
  	"version_seed_key" varchar,
  	"version_title" varchar,
  	"version_creator" varchar,
  	"version_creator_url" varchar,
  	"version_source_url" varchar,
  	"version_license_id" integer NOT NULL,
  	"version_changes" varchar,
  	"version_permission_note" varchar,
  	"version_file_version" varchar,
  	"version_source_crop_left" numeric,
  	"version_source_crop_top" numeric,
  	"version_source_crop_width" numeric,
  	"version_source_crop_height" numeric,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version_url" varchar,
  	"version_thumbnail_u_r_l" varchar,
  	"version_filename" varchar,
  	"version_mime_type" varchar,
  	"version_filesize" numeric,
  	"version_width" numeric,
  	"version_height" numeric,
  	"version_focal_x" numeric,
  	"version_focal_y" numeric,
  	"version_sizes_w320_url" varchar,
  	"version_sizes_w320_width" numeric,
  	"version_sizes_w320_height" numeric,
  	"version_sizes_w320_mime_type" varchar,
  	"version_sizes_w320_filesize" numeric,
  	"version_sizes_w320_filename" varchar,
  	"version_sizes_w320_avif_url" varchar,
  	"version_sizes_w320_avif_width" numeric,
  	"version_sizes_w320_avif_height" numeric,
  	"version_sizes_w320_avif_mime_type" varchar,
  	"version_sizes_w320_avif_filesize" numeric,
  	"version_sizes_w320_avif_filename" varchar,
  	"version_sizes_w320_webp_url" varchar,
  	"version_sizes_w320_webp_width" numeric,
  	"version_sizes_w320_webp_height" numeric,
  	"version_sizes_w320_webp_mime_type" varchar,
  	"version_sizes_w320_webp_filesize" numeric,
  	"version_sizes_w320_webp_filename" varchar,
  	"version_sizes_w480_url" varchar,
  	"version_sizes_w480_width" numeric,
  	"version_sizes_w480_height" numeric,
  	"version_sizes_w480_mime_type" varchar,
  	"version_sizes_w480_filesize" numeric,
  	"version_sizes_w480_filename" varchar,
  	"version_sizes_w480_avif_url" varchar,
  	"version_sizes_w480_avif_width" numeric,
  	"version_sizes_w480_avif_height" numeric,
  	"version_sizes_w480_avif_mime_type" varchar,
  	"version_sizes_w480_avif_filesize" numeric,
  	"version_sizes_w480_avif_filename" varchar,
  	"version_sizes_w480_webp_url" varchar,
  	"version_sizes_w480_webp_width" numeric,
  	"version_sizes_w480_webp_height" numeric,
  	"version_sizes_w480_webp_mime_type" varchar,
  	"version_sizes_w480_webp_filesize" numeric,
  	"version_sizes_w480_webp_filename" varchar,
  	"version_sizes_w768_url" varchar,
  	"version_sizes_w768_width" numeric,
  	"version_sizes_w768_height" numeric,
  	"version_sizes_w768_mime_type" varchar,
  	"version_sizes_w768_filesize" numeric,
  	"version_sizes_w768_filename" varchar,
  	"version_sizes_w768_avif_url" varchar,
  	"version_sizes_w768_avif_width" numeric,
  	"version_sizes_w768_avif_height" numeric,
  	"version_sizes_w768_avif_mime_type" varchar,
  	"version_sizes_w768_avif_filesize" numeric,
  	"version_sizes_w768_avif_filename" varchar,
  	"version_sizes_w768_webp_url" varchar,
  	"version_sizes_w768_webp_width" numeric,
  	"version_sizes_w768_webp_height" numeric,
  	"version_sizes_w768_webp_mime_type" varchar,
  	"version_sizes_w768_webp_filesize" numeric,
  	"version_sizes_w768_webp_filename" varchar,
  	"version_sizes_w1024_url" varchar,
  	"version_sizes_w1024_width" numeric,
  	"version_sizes_w1024_height" numeric,
  	"version_sizes_w1024_mime_type" varchar,
  	"version_sizes_w1024_filesize" numeric,
  	"version_sizes_w1024_filename" varchar,
  	"version_sizes_w1024_avif_url" varchar,
  	"version_sizes_w1024_avif_width" numeric,
  	"version_sizes_w1024_avif_height" numeric,
  	"version_sizes_w1024_avif_mime_type" varchar,
  	"version_sizes_w1024_avif_filesize" numeric,
  	"version_sizes_w1024_avif_filename" varchar,
  	"version_sizes_w1024_webp_url" varchar,
  	"version_sizes_w1024_webp_width" numeric,
  	"version_sizes_w1024_webp_height" numeric,
  	"version_sizes_w1024_webp_mime_type" varchar,
  	"version_sizes_w1024_webp_filesize" numeric,
  	"version_sizes_w1024_webp_filename" varchar,
  	"version_sizes_w1600_url" varchar,
  	"version_sizes_w1600_width" numeric,
  	"version_sizes_w1600_height" numeric,
  	"version_sizes_w1600_mime_type" varchar,
  	"version_sizes_w1600_filesize" numeric,
  	"version_sizes_w1600_filename" varchar,
  	"version_sizes_w1600_avif_url" varchar,
  	"version_sizes_w1600_avif_width" numeric,
  	"version_sizes_w1600_avif_height" numeric,
  	"version_sizes_w1600_avif_mime_type" varchar,
  	"version_sizes_w1600_avif_filesize" numeric,
  	"version_sizes_w1600_avif_filename" varchar,
  	"version_sizes_w1600_webp_url" varchar,
  	"version_sizes_w1600_webp_width" numeric,
  	"version_sizes_w1600_webp_height" numeric,
  	"version_sizes_w1600_webp_mime_type" varchar,
  	"version_sizes_w1600_webp_filesize" numeric,
  	"version_sizes_w1600_webp_filename" varchar,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "licenses" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"short_name" varchar NOT NULL,
  	"spdx_id" varchar NOT NULL,
  	"deed_url" varchar,
  	"requires_attribution" boolean DEFAULT true,
  	"allows_commercial_use" boolean DEFAULT false,
  	"allows_modification" boolean DEFAULT false,
  	"requires_share_alike" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"role" "enum_users_role" DEFAULT 'contributor' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"concurrency_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" integer,
  	"media_id" integer,
  	"licenses_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "site_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar DEFAULT 'The Dispatch' NOT NULL,
  	"description" varchar DEFAULT 'World news, with every image credited and licensed.' NOT NULL,
  	"logo_id" integer,
  	"commercial" boolean DEFAULT true,
  	"feed_content" "enum_site_settings_feed_content" DEFAULT 'summary' NOT NULL,
  	"tdm" "enum_site_settings_tdm" DEFAULT 'reserved' NOT NULL,
  	"tdm_policy_url" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "articles_corrections" ADD CONSTRAINT "articles_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_hero_image_id_media_id_fk" FOREIGN KEY ("hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_version_corrections" ADD CONSTRAINT "_articles_v_version_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_parent_id_articles_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_hero_image_id_media_id_fk" FOREIGN KEY ("version_hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_author_id_users_id_fk" FOREIGN KEY ("version_author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_media_v" ADD CONSTRAINT "_media_v_parent_id_media_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_media_v" ADD CONSTRAINT "_media_v_version_license_id_licenses_id_fk" FOREIGN KEY ("version_license_id") REFERENCES "public"."licenses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_licenses_fk" FOREIGN KEY ("licenses_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_corrections_order_idx" ON "articles_corrections" USING btree ("_order");
  CREATE INDEX "articles_corrections_parent_id_idx" ON "articles_corrections" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "articles_slug_idx" ON "articles" USING btree ("slug");
  CREATE INDEX "articles_hero_image_idx" ON "articles" USING btree ("hero_image_id");
  CREATE INDEX "articles_author_idx" ON "articles" USING btree ("author_id");
  CREATE INDEX "articles_published_at_idx" ON "articles" USING btree ("published_at");
  CREATE INDEX "articles_updated_at_idx" ON "articles" USING btree ("updated_at");
  CREATE INDEX "articles_created_at_idx" ON "articles" USING btree ("created_at");
  CREATE INDEX "articles__status_idx" ON "articles" USING btree ("_status");
  CREATE INDEX "_articles_v_version_corrections_order_idx" ON "_articles_v_version_corrections" USING btree ("_order");
  CREATE INDEX "_articles_v_version_corrections_parent_id_idx" ON "_articles_v_version_corrections" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_parent_idx" ON "_articles_v" USING btree ("parent_id");
  CREATE INDEX "_articles_v_version_version_slug_idx" ON "_articles_v" USING btree ("version_slug");
  CREATE INDEX "_articles_v_version_version_hero_image_idx" ON "_articles_v" USING btree ("version_hero_image_id");
  CREATE INDEX "_articles_v_version_version_author_idx" ON "_articles_v" USING btree ("version_author_id");
  CREATE INDEX "_articles_v_version_version_published_at_idx" ON "_articles_v" USING btree ("version_published_at");
  CREATE INDEX "_articles_v_version_version_updated_at_idx" ON "_articles_v" USING btree ("version_updated_at");
  CREATE INDEX "_articles_v_version_version_created_at_idx" ON "_articles_v" USING btree ("version_created_at");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v" USING btree ("version__status");
  CREATE INDEX "_articles_v_created_at_idx" ON "_articles_v" USING btree ("created_at");
  CREATE INDEX "_articles_v_updated_at_idx" ON "_articles_v" USING btree ("updated_at");
  CREATE INDEX "_articles_v_latest_idx" ON "_articles_v" USING btree ("latest");
  CREATE INDEX "_articles_v_autosave_idx" ON "_articles_v" USING btree ("autosave");
  CREATE INDEX "media_public_idx" ON "media" USING btree ("public");
  CREATE UNIQUE INDEX "media_seed_key_idx" ON "media" USING btree ("seed_key");
  CREATE INDEX "media_license_idx" ON "media" USING btree ("license_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_w320_sizes_w320_filename_idx" ON "media" USING btree ("sizes_w320_filename");
  CREATE INDEX "media_sizes_w320_avif_sizes_w320_avif_filename_idx" ON "media" USING btree ("sizes_w320_avif_filename");
  CREATE INDEX "media_sizes_w320_webp_sizes_w320_webp_filename_idx" ON "media" USING btree ("sizes_w320_webp_filename");
  CREATE INDEX "media_sizes_w480_sizes_w480_filename_idx" ON "media" USING btree ("sizes_w480_filename");
  CREATE INDEX "media_sizes_w480_avif_sizes_w480_avif_filename_idx" ON "media" USING btree ("sizes_w480_avif_filename");
  CREATE INDEX "media_sizes_w480_webp_sizes_w480_webp_filename_idx" ON "media" USING btree ("sizes_w480_webp_filename");
  CREATE INDEX "media_sizes_w768_sizes_w768_filename_idx" ON "media" USING btree ("sizes_w768_filename");
  CREATE INDEX "media_sizes_w768_avif_sizes_w768_avif_filename_idx" ON "media" USING btree ("sizes_w768_avif_filename");
  CREATE INDEX "media_sizes_w768_webp_sizes_w768_webp_filename_idx" ON "media" USING btree ("sizes_w768_webp_filename");
  CREATE INDEX "media_sizes_w1024_sizes_w1024_filename_idx" ON "media" USING btree ("sizes_w1024_filename");
  CREATE INDEX "media_sizes_w1024_avif_sizes_w1024_avif_filename_idx" ON "media" USING btree ("sizes_w1024_avif_filename");
  CREATE INDEX "media_sizes_w1024_webp_sizes_w1024_webp_filename_idx" ON "media" USING btree ("sizes_w1024_webp_filename");
  CREATE INDEX "media_sizes_w1600_sizes_w1600_filename_idx" ON "media" USING btree ("sizes_w1600_filename");
  CREATE INDEX "media_sizes_w1600_avif_sizes_w1600_avif_filename_idx" ON "media" USING btree ("sizes_w1600_avif_filename");
  CREATE INDEX "media_sizes_w1600_webp_sizes_w1600_webp_filename_idx" ON "media" USING btree ("sizes_w1600_webp_filename");
  CREATE INDEX "_media_v_parent_idx" ON "_media_v" USING btree ("parent_id");
  CREATE INDEX "_media_v_version_version_public_idx" ON "_media_v" USING btree ("version_public");
  CREATE INDEX "_media_v_version_version_seed_key_idx" ON "_media_v" USING btree ("version_seed_key");
  CREATE INDEX "_media_v_version_version_license_idx" ON "_media_v" USING btree ("version_license_id");
  CREATE INDEX "_media_v_version_version_updated_at_idx" ON "_media_v" USING btree ("version_updated_at");
  CREATE INDEX "_media_v_version_version_created_at_idx" ON "_media_v" USING btree ("version_created_at");
  CREATE INDEX "_media_v_version_version_filename_idx" ON "_media_v" USING btree ("version_filename");
  CREATE INDEX "_media_v_version_sizes_w320_version_sizes_w320_filename_idx" ON "_media_v" USING btree ("version_sizes_w320_filename");
  CREATE INDEX "_media_v_version_sizes_w320_avif_version_sizes_w320_avif_idx" ON "_media_v" USING btree ("version_sizes_w320_avif_filename");
  CREATE INDEX "_media_v_version_sizes_w320_webp_version_sizes_w320_webp_idx" ON "_media_v" USING btree ("version_sizes_w320_webp_filename");
  CREATE INDEX "_media_v_version_sizes_w480_version_sizes_w480_filename_idx" ON "_media_v" USING btree ("version_sizes_w480_filename");
  CREATE INDEX "_media_v_version_sizes_w480_avif_version_sizes_w480_avif_idx" ON "_media_v" USING btree ("version_sizes_w480_avif_filename");
  CREATE INDEX "_media_v_version_sizes_w480_webp_version_sizes_w480_webp_idx" ON "_media_v" USING btree ("version_sizes_w480_webp_filename");
  CREATE INDEX "_media_v_version_sizes_w768_version_sizes_w768_filename_idx" ON "_media_v" USING btree ("version_sizes_w768_filename");
  CREATE INDEX "_media_v_version_sizes_w768_avif_version_sizes_w768_avif_idx" ON "_media_v" USING btree ("version_sizes_w768_avif_filename");
  CREATE INDEX "_media_v_version_sizes_w768_webp_version_sizes_w768_webp_idx" ON "_media_v" USING btree ("version_sizes_w768_webp_filename");
  CREATE INDEX "_media_v_version_sizes_w1024_version_sizes_w1024_filenam_idx" ON "_media_v" USING btree ("version_sizes_w1024_filename");
  CREATE INDEX "_media_v_version_sizes_w1024_avif_version_sizes_w1024_av_idx" ON "_media_v" USING btree ("version_sizes_w1024_avif_filename");
  CREATE INDEX "_media_v_version_sizes_w1024_webp_version_sizes_w1024_we_idx" ON "_media_v" USING btree ("version_sizes_w1024_webp_filename");
  CREATE INDEX "_media_v_version_sizes_w1600_version_sizes_w1600_filenam_idx" ON "_media_v" USING btree ("version_sizes_w1600_filename");
  CREATE INDEX "_media_v_version_sizes_w1600_avif_version_sizes_w1600_av_idx" ON "_media_v" USING btree ("version_sizes_w1600_avif_filename");
  CREATE INDEX "_media_v_version_sizes_w1600_webp_version_sizes_w1600_we_idx" ON "_media_v" USING btree ("version_sizes_w1600_webp_filename");
  CREATE INDEX "_media_v_created_at_idx" ON "_media_v" USING btree ("created_at");
  CREATE INDEX "_media_v_updated_at_idx" ON "_media_v" USING btree ("updated_at");
  CREATE UNIQUE INDEX "licenses_spdx_id_idx" ON "licenses" USING btree ("spdx_id");
  CREATE INDEX "licenses_updated_at_idx" ON "licenses" USING btree ("updated_at");
  CREATE INDEX "licenses_created_at_idx" ON "licenses" USING btree ("created_at");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_concurrency_key_idx" ON "payload_jobs" USING btree ("concurrency_key");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_articles_id_idx" ON "payload_locked_documents_rels" USING btree ("articles_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_licenses_id_idx" ON "payload_locked_documents_rels" USING btree ("licenses_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");
  CREATE INDEX "site_settings_logo_idx" ON "site_settings" USING btree ("logo_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "articles_corrections" CASCADE;
  DROP TABLE "articles" CASCADE;
  DROP TABLE "_articles_v_version_corrections" CASCADE;
  DROP TABLE "_articles_v" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "_media_v" CASCADE;
  DROP TABLE "licenses" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "site_settings" CASCADE;
  DROP TYPE "public"."enum_articles_status";
  DROP TYPE "public"."enum__articles_v_version_status";
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  DROP TYPE "public"."enum_site_settings_feed_content";
  DROP TYPE "public"."enum_site_settings_tdm";`)
}
