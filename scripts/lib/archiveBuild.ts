/**
 * A realistic archive in bulk: the bulk path `npm run bench -- --archive N` documents.
 *
 * Payload writes the templates: the seeded article (published, with its section, author and
 * image), its image and any other images uploaded before (real files, every size), the seeded
 * sections and author. This then writes N articles as copies of those rows, table by table, as
 * Payload lays out a published document: the `articles` row, its latest version in `_articles_v`,
 * the authors in `articles_rels` and `_articles_v_rels`; sections and authors to ~10 and ~50;
 * one image row per `articlesPerImage` articles (with its `_media_v` version), whose files are
 * copies of the templates' real files (clones where the file system can; not hard links: node-tar
 * 7.5 hangs archiving a folder where several names share one file, so `npm run backup` would). Headlines and bodies are Latin, Cyrillic or Chinese
 * (searchBench's synthetic articles), dates spread over `years` up to now, and each article
 * carries the search text the app's hook computes, so SQLite's triggers and PostgreSQL's
 * generated column index it exactly as they index a publish. Payload's hooks do not run: nothing
 * here is purged, numbered or released, so build before the server starts.
 */
import fs from 'node:fs'
import path from 'node:path'

import { sql, type SQL } from 'drizzle-orm'

import { originalsDir } from '../../src/collections/Media/files/keptOriginal'
import { inSqliteTransaction, type SqlRunner } from '../../src/domain/search/sqlRunner'
import { paragraphsToLexical } from '../../src/lib/richText'
import { toArticleSearchText } from '../../src/lib/search/indexText'
import { toSlug } from '../../src/lib/slug'
import { insertCopies, nextId, selectRows, syncIdSequence, type Row } from './archiveRows'
import { random, syntheticArticle } from './searchBench'

export type ArchiveOptions = {
  count: number
  /** The upload folder the templates' files are in (MEDIA_DIR). */
  mediaDir: string
  sections?: number
  authors?: number
  articlesPerImage?: number
  years?: number
  /** The newest article's date; the rest go back `years` from it. */
  newest?: Date
}

export type ArchiveSummary = { articles: number; sections: number; authors: number; media: number; mediaFiles: number; ms: number }

/** Articles per transaction (SQLite) and per batch of statements. */
const BATCH = 500

const SECTION_NAMES = ['World', 'Politics', 'Business', 'Culture', 'Science', 'Technology', 'Sport', 'Health', 'Climate', 'Opinion']

const FIRST_NAMES = ['Anna', 'James', 'Sofia', 'Lucas', 'Мария', 'Дмитрий', 'Ольга', 'Игорь', '李', '王', '张', '陈']
const LAST_NAMES = ['Kowalski', 'Martin', 'Rossi', 'Дубова', 'Соколов', '伟', '芳', '静', 'Okafor', 'Nguyen']
/** Pinyin for the Chinese names' slugs (slugify drops Han characters). */
const PINYIN: Record<string, string> = { 李: 'li', 王: 'wang', 张: 'zhang', 陈: 'chen', 伟: 'wei', 芳: 'fang', 静: 'jing' }

const DAY_MS = 86_400_000

const isHan = (text: string) => /\p{Script=Han}/u.test(text)
const slugOf = (text: string) => toSlug([...text].map((char) => (PINYIN[char] ? ` ${PINYIN[char]} ` : char)).join(''))

/** The k-th author's name: first and last name in one script (Chinese names have no space). */
function authorName(k: number): string {
  const first = FIRST_NAMES[k % FIRST_NAMES.length]!
  const han = isHan(first)
  const lasts = LAST_NAMES.filter((last) => isHan(last) === han && /[а-я]/i.test(last) === /[а-я]/i.test(first))
  const last = lasts[Math.floor(k / FIRST_NAMES.length) % lasts.length]!
  return han ? `${first}${last}` : `${first} ${last}`
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`
  taken.add(slug)
  return slug
}

/** A version row's overrides: each document column's override under its `version_` name. */
function asVersion(overrides: Row, versionTemplate: Row): Row {
  const version: Row = {}
  for (const [column, value] of Object.entries(overrides)) {
    if (column === 'id') continue
    if (`version_${column}` in versionTemplate) version[`version_${column}`] = value
  }
  return version
}

const withoutId = ({ id: _id, ...rest }: Row): Row => rest

/** The newest row matching `where`. */
async function newest(runner: SqlRunner, table: string, where: SQL, what: string): Promise<Row> {
  const [row] = await selectRows(runner, table, where, { newestFirst: true, limit: 1 })
  if (!row) throw new Error(`archive build: ${what} is missing; seed the database first`)
  return row
}

/** Tops a table of profiles (sections, authors) up to `want` rows, copies of its first. */
async function topUp(runner: SqlRunner, table: 'sections' | 'authors', want: number, make: (k: number, taken: Set<string>) => Row): Promise<number[]> {
  const existing = await selectRows(runner, table, sql`1 = 1`)
  const template = existing[0]
  if (!template) throw new Error(`archive build: no ${table}; seed the database first`)
  const taken = new Set(existing.map((row) => String(row.slug)))
  const firstId = await nextId(runner, table)
  const copies = Array.from({ length: Math.max(0, want - existing.length) }, (_, index) => ({ id: firstId + index, ...make(existing.length + index, taken) }))
  await insertCopies(runner, table, template, copies)
  await syncIdSequence(runner, table)
  return [...existing.map((row) => Number(row.id)), ...copies.map((copy) => copy.id)]
}

const FILENAME_COLUMN = /filename$/
const URL_COLUMN = /(url|u_r_l)$/

/**
 * Image rows sharing the templates' files: each copy's file names get a prefix and are copies of
 * the template's files (served and kept originals), so every URL answers with real bytes.
 */
async function buildMedia(runner: SqlRunner, want: number, mediaDir: string, dateOf: (k: number) => string): Promise<{ ids: number[]; files: number }> {
  const templates = await selectRows(runner, 'media', sql`1 = 1`)
  if (templates.length === 0) throw new Error('archive build: no images; seed the database first')
  const versions = await Promise.all(templates.map((template) => newest(runner, '_media_v', sql`"parent_id" = ${template.id}`, `image ${String(template.id)}'s version`)))
  const firstId = await nextId(runner, 'media')
  const firstVersionId = await nextId(runner, '_media_v')
  const originals = originalsDir(mediaDir)
  const ids = templates.map((template) => Number(template.id))
  let files = 0
  const copies: Row[][] = templates.map(() => [])
  const versionCopies: Row[][] = templates.map(() => [])
  for (let k = 0; k < Math.max(0, want - templates.length); k += 1) {
    const which = k % templates.length
    const template = templates[which]!
    const id = firstId + k
    const prefix = `archive-${id}-`
    const date = dateOf(k)
    const overrides: Row = { id, alt: `Archive photo ${id}`, caption: `Photo ${id} from the archive.`, seed_key: null, public: runner.engine === 'sqlite' ? 1 : true, created_at: date, updated_at: date }
    for (const [column, value] of Object.entries(template)) {
      if (!FILENAME_COLUMN.test(column) || typeof value !== 'string') continue
      overrides[column] = `${prefix}${value}`
      for (const dir of [mediaDir, originals]) {
        const source = path.join(dir, value)
        if (!fs.existsSync(source)) continue
        fs.copyFileSync(source, path.join(dir, `${prefix}${value}`), fs.constants.COPYFILE_FICLONE)
        files += 1
      }
    }
    for (const [column, value] of Object.entries(template)) {
      if (!URL_COLUMN.test(column) || typeof value !== 'string') continue
      const filenameColumn = column.replace(URL_COLUMN, 'filename')
      const filename = template[filenameColumn]
      if (typeof filename === 'string') overrides[column] = value.replace(filename, `${prefix}${filename}`)
    }
    copies[which]!.push(overrides)
    versionCopies[which]!.push({ id: firstVersionId + k, parent_id: id, created_at: date, updated_at: date, ...asVersion(overrides, versions[which]!) })
    ids.push(id)
  }
  for (const [which, template] of templates.entries()) {
    await insertCopies(runner, 'media', template, copies[which]!)
    await insertCopies(runner, '_media_v', versions[which]!, versionCopies[which]!)
  }
  await syncIdSequence(runner, 'media')
  await syncIdSequence(runner, '_media_v')
  return { ids, files }
}

export async function buildArchive(runner: SqlRunner, options: ArchiveOptions): Promise<ArchiveSummary> {
  const startedAt = performance.now()
  const { count, mediaDir, sections: sectionCount = 10, authors: authorCount = 50, articlesPerImage = 100, years = 10 } = options
  const newestDate = (options.newest ?? new Date()).getTime()
  const span = years * 365 * DAY_MS
  // Article n (0 is the oldest) is dated so that ids and dates rise together, as in a real archive.
  const articleDate = (n: number, jitter: number) => new Date(newestDate - ((count - 1 - n) / Math.max(1, count)) * span - jitter * (span / Math.max(1, count))).toISOString()

  const [article] = await selectRows(runner, 'articles', sql`"_status" = 'published' AND "section_id" IS NOT NULL`, { limit: 1 })
  if (!article) throw new Error('archive build: no published article with a section; seed the database first')
  const version = await newest(runner, '_articles_v', sql`"parent_id" = ${article.id}`, 'the article’s version')
  const authorRel = withoutId(await newest(runner, 'articles_rels', sql`"parent_id" = ${article.id} AND "authors_id" IS NOT NULL`, 'the article’s author'))
  const versionAuthorRel = withoutId(await newest(runner, '_articles_v_rels', sql`"parent_id" = ${version.id} AND "authors_id" IS NOT NULL`, 'the version’s author'))

  const now = new Date().toISOString()
  const sectionIds = await topUp(runner, 'sections', sectionCount, (k, taken) => {
    const name = SECTION_NAMES[k] ?? `Section ${k + 1}`
    return { name, slug: uniqueSlug(toSlug(name), taken), description: `${name}: news and analysis.`, created_at: now, updated_at: now }
  })
  const mediaWanted = Math.max(1, Math.ceil(count / articlesPerImage))
  const media = await buildMedia(runner, mediaWanted, mediaDir, (k) => articleDate(Math.floor((k / mediaWanted) * count), 0))
  const authorIds = await topUp(runner, 'authors', authorCount, (k, taken) => {
    const name = authorName(k)
    return { name, slug: uniqueSlug(slugOf(name), taken), bio: `${name} reports for The Dispatch.`, photo_id: k % 5 === 0 ? media.ids[k % media.ids.length] : null, created_at: now, updated_at: now }
  })

  // A bulk load on SQLite: a page cache large enough for the indexes being filled (the default is 2 MB).
  if (runner.engine === 'sqlite') await runner.run(sql`PRAGMA cache_size = -262144`)
  let articleId = await nextId(runner, 'articles')
  let versionId = await nextId(runner, '_articles_v')
  for (let from = 0; from < count; from += BATCH) {
    const rows: Row[] = []
    const versions: Row[] = []
    const rels: Row[] = []
    const versionRels: Row[] = []
    for (let n = from; n < Math.min(count, from + BATCH); n += 1) {
      const next = random(n * 7919 + 17)
      const synthetic = syntheticArticle(n)
      const body = paragraphsToLexical(synthetic.paragraphs)
      const search = toArticleSearchText({ headline: synthetic.headline, standfirst: synthetic.standfirst, body })
      const date = articleDate(n, next())
      const id = articleId++
      const overrides: Row = {
        id,
        headline: synthetic.headline,
        slug: `synthetic-${n}`,
        standfirst: synthetic.standfirst,
        body: JSON.stringify(body),
        // Sections differ in size: the first few carry most of the news.
        section_id: sectionIds[Math.floor(next() * next() * sectionIds.length)]!,
        hero_image_id: next() < 0.85 ? media.ids[Math.floor((n / count) * media.ids.length)]! : null,
        published_at: date,
        revised_at: null,
        search_headline: search.searchHeadline,
        search_standfirst: search.searchStandfirst,
        search_body: search.searchBody,
        created_at: date,
        updated_at: date,
        _status: 'published',
      }
      rows.push(overrides)
      const vid = versionId++
      versions.push({ ...asVersion(overrides, version), id: vid, parent_id: id, created_at: date, updated_at: date })
      const byline = next() < 0.2 ? [authorIds[Math.floor(next() * authorIds.length)]!, authorIds[Math.floor(next() * authorIds.length)]!] : [authorIds[Math.floor(next() * authorIds.length)]!]
      for (const [index, authorId] of [...new Set(byline)].entries()) {
        rels.push({ parent_id: id, order: index + 1, authors_id: authorId })
        versionRels.push({ parent_id: vid, order: index + 1, authors_id: authorId })
      }
    }
    await inSqliteTransaction(runner, async () => {
      await insertCopies(runner, 'articles', article, rows)
      await insertCopies(runner, '_articles_v', version, versions)
      await insertCopies(runner, 'articles_rels', authorRel, rels)
      await insertCopies(runner, '_articles_v_rels', versionAuthorRel, versionRels)
    })
  }
  for (const table of ['articles', '_articles_v']) await syncIdSequence(runner, table)
  return { articles: count, sections: sectionIds.length, authors: authorIds.length, media: media.ids.length, mediaFiles: media.files, ms: performance.now() - startedAt }
}
