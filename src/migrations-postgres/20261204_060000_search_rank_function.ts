import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/*
 * The ranking of a search page (src/domain/search/rankedIds.ts says how it ranks) as a function
 * whose statement the planner plans with sequential scans off. A common word matches a fifth of
 * the articles, and the planner then estimates reading the whole table cheaper than the GIN
 * index, not counting that each row's vector must be detoasted and matched: a second instead of
 * a few milliseconds. The SET clause applies that to this statement alone, in one round trip;
 * `SET LOCAL` needed a transaction around the ranking, three more round trips, each costing
 * Node as much CPU as the statement itself. (The SET clause also keeps the function from being
 * inlined into the caller's statement, where the setting would not apply.) The vectors are null
 * unless the row is published: no _status filter, so no row but a match is read. Payload's schema
 * does not change, so there is no snapshot change.
 */

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE FUNCTION "article_search_rank"(
    "query_match" tsquery, "query_all" tsquery, "query_any" tsquery, "weights" float4[], "normalization" integer, "page_offset" bigint, "page_limit" bigint
  ) RETURNS TABLE ("total" bigint, "id" integer) LANGUAGE sql STABLE SET enable_seqscan = off AS $$
    WITH matches AS MATERIALIZED (
      SELECT id, published_at, search_vector AS vector,
        CASE WHEN search_vector_headline @@ query_any THEN 0 WHEN search_vector_standfirst @@ query_any THEN 1 ELSE 2 END AS tier
      FROM articles WHERE search_vector @@ query_match
    ),
    tiers AS (
      SELECT tier, count(*) AS size, (sum(count(*)) OVER (ORDER BY tier))::bigint - count(*) AS before FROM matches GROUP BY tier
    ),
    reached AS (
      SELECT tier, before FROM tiers WHERE before < page_offset + page_limit AND before + size > page_offset
    )
    SELECT (SELECT coalesce(sum(size), 0) FROM tiers)::bigint, page.id FROM (SELECT 1) AS one LEFT JOIN LATERAL (
      SELECT m.id, m.tier, ts_rank(weights, m.vector, query_all, normalization) AS score, m.published_at
      FROM matches AS m JOIN reached USING (tier)
      ORDER BY m.tier, score DESC, m.published_at DESC, m.id DESC
      LIMIT page_limit OFFSET page_offset - (SELECT coalesce(min(before), 0) FROM reached)
    ) AS page ON true
    ORDER BY page.tier, page.score DESC, page.published_at DESC, page.id DESC
  $$;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP FUNCTION IF EXISTS "article_search_rank"(tsquery, tsquery, tsquery, float4[], integer, bigint, bigint);`)
}
