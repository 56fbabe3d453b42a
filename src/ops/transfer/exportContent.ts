/**
 * All content out of a database through Payload's Local API, adapter-neutral: documents at
 * depth 0 (references as ids, remapped on import), the newest draft beside a published
 * article, each upload's untouched original, the globals. Password hashes only when asked.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { CollectionSlug, GlobalSlug, Payload, SanitizedCollectionConfig } from 'payload'
import { create as createTar } from 'tar'

import { originalsDir } from '@/collections/Media/files/keptOriginal'
import { describeFile } from '../files'
import { CONTENT_FILE, filePathInArchive, type ExportedDocument } from './archive'
import { importOrder, referencedCollections, type JsonObject } from './references'

/** Payload's own bookkeeping (jobs, preferences, locks, migrations) is not content. */
export const isContentCollection = (config: SanitizedCollectionConfig) => !config.slug.startsWith('payload-')

/** Fields the target makes itself: file facts and sizes for uploads, login state for accounts. */
const UPLOAD_MADE_FIELDS = ['url', 'thumbnailURL', 'sizes', 'filename', 'mimeType', 'filesize', 'width', 'height']
const AUTH_STATE_FIELDS = ['sessions', 'loginAttempts', 'lockUntil', 'resetPasswordToken', 'resetPasswordExpiration', '_verificationToken', 'hash', 'salt']

function withoutFields(doc: JsonObject, fields: readonly string[]): JsonObject {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !fields.includes(key)))
}

/** Content equality for deciding whether a draft differs from the published state. */
const sameContent = (a: JsonObject, b: JsonObject) => JSON.stringify(withoutFields(a, ['updatedAt', 'createdAt'])) === JSON.stringify(withoutFields(b, ['updatedAt', 'createdAt']))

export function collectionsInImportOrder(payload: Payload): SanitizedCollectionConfig[] {
  const content = payload.config.collections.filter(isContentCollection)
  const order = importOrder(new Map(content.map((config) => [config.slug, referencedCollections(config.flattenedFields)])))
  return order.map((slug) => content.find((config) => config.slug === slug)!)
}

/** Documents read per query: an archive of any size goes out in pages, never all at once. */
const EXPORT_PAGE_SIZE = 500

type Written = { write: (text: string) => Promise<void> }

/** The newest draft of each of `ids`, in one query (the versions table), for collections with drafts. */
async function latestDrafts(payload: Payload, slug: CollectionSlug, ids: Array<number | string>): Promise<Map<string, JsonObject>> {
  const { docs } = await payload.find({ collection: slug, depth: 0, draft: true, overrideAccess: true, showHiddenFields: true, where: { id: { in: ids } }, limit: ids.length, pagination: false })
  return new Map((docs as unknown as JsonObject[]).map((doc) => [String(doc.id), doc]))
}

async function exportDocument(config: SanitizedCollectionConfig, found: JsonObject, latest: JsonObject | undefined, staging: string, withPasswords: boolean): Promise<ExportedDocument> {
  const slug = config.slug
  const id = found.id as number | string
  const entry: ExportedDocument = { id, data: withoutFields(found, [...(config.upload ? UPLOAD_MADE_FIELDS : []), ...(config.auth ? AUTH_STATE_FIELDS : [])]) }
  if (latest && !sameContent(latest, found)) entry.draft = withoutFields(latest, ['id'])
  if (config.upload && typeof found.filename === 'string') {
    const staticDir = config.upload.staticDir ?? ''
    const kept = path.join(originalsDir(staticDir), found.filename)
    const source = (await fs.stat(kept).catch(() => undefined)) ? kept : path.join(staticDir, found.filename)
    const inArchive = filePathInArchive(slug, found.filename)
    await fs.mkdir(path.dirname(path.join(staging, inArchive)), { recursive: true })
    await fs.copyFile(source, path.join(staging, inArchive))
    entry.file = await describeFile(path.join(staging, inArchive), inArchive)
  }
  if (config.auth && withPasswords && typeof found.hash === 'string' && typeof found.salt === 'string') entry.password = { hash: found.hash, salt: found.salt }
  return entry
}

/** Writes one collection's documents, a page at a time; returns how many. */
async function exportCollection(payload: Payload, config: SanitizedCollectionConfig, staging: string, withPasswords: boolean, out: Written): Promise<number> {
  const slug = config.slug as CollectionSlug
  let written = 0
  for (let page = 1; ; page += 1) {
    const found = await payload.find({ collection: slug, depth: 0, limit: EXPORT_PAGE_SIZE, page, sort: ['createdAt', 'id'], overrideAccess: true, showHiddenFields: true, draft: false })
    const docs = found.docs as unknown as JsonObject[]
    const drafts = config.versions?.drafts && docs.length > 0 ? await latestDrafts(payload, slug, docs.map((doc) => doc.id as number | string)) : null
    for (const doc of docs) {
      const entry = await exportDocument(config, doc, drafts?.get(String(doc.id)), staging, withPasswords)
      await out.write(`${written === 0 ? '' : ','}\n${JSON.stringify(entry)}`)
      written += 1
    }
    if (!found.hasNextPage) return written
  }
}

export type ExportSummary = { collections: Array<{ slug: string; documents: number }>; globals: string[] }

/**
 * Writes the archive. content.json is written as it is read, one document per line, so memory
 * stays at one page of documents whatever the archive holds.
 */
export async function exportContent(payload: Payload, archivePath: string, { withPasswords = false } = {}): Promise<ExportSummary> {
  const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'publication-export-'))
  try {
    const file = await fs.open(path.join(staging, CONTENT_FILE), 'w')
    const out: Written = { write: async (text) => void (await file.write(text)) }
    const summary: ExportSummary = { collections: [], globals: [] }
    try {
      await out.write(`{"format":"publication-export","version":1,"createdAt":${JSON.stringify(new Date().toISOString())},"collections":[`)
      for (const [index, config] of collectionsInImportOrder(payload).entries()) {
        await out.write(`${index === 0 ? '' : ','}\n{"slug":${JSON.stringify(config.slug)},"documents":[`)
        summary.collections.push({ slug: config.slug, documents: await exportCollection(payload, config, staging, withPasswords, out) })
        await out.write(']}')
      }
      const globals: Record<string, JsonObject> = {}
      for (const global of payload.config.globals) {
        globals[global.slug] = (await payload.findGlobal({ slug: global.slug as GlobalSlug, depth: 0, overrideAccess: true })) as unknown as JsonObject
        summary.globals.push(global.slug)
      }
      await out.write(`],\n"globals":${JSON.stringify(globals)}}\n`)
    } finally {
      await file.close()
    }
    await fs.mkdir(path.dirname(path.resolve(archivePath)), { recursive: true })
    await createTar({ gzip: true, file: archivePath, cwd: staging, portable: true }, (await fs.readdir(staging)).sort())
    return summary
  } finally {
    await fs.rm(staging, { recursive: true, force: true })
  }
}
