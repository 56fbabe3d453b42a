/**
 * An export archive into the database DATABASE_URI names, through Payload's Local API: every
 * reference remapped to the ids the target gives, uploads re-made from their originals (so the
 * target makes its own sizes and credit metadata), drafts saved as drafts after the published state.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { CollectionSlug, GlobalSlug, Payload, SanitizedCollectionConfig } from 'payload'
import { extract } from 'tar'

import type { Id } from '@/lib/id'
import { writePendingImageFiles } from '../../jobs/runDueJobs'
import { sha256Of } from '../files'
import { CONTENT_FILE, contentSchema, type ExportedContent, type ExportedDocument } from './archive'
import { isContentCollection } from './exportContent'
import { remapDocument, type JsonObject, type RemapId } from './references'

/**
 * Records the target already has are matched by these fields rather than duplicated: the seed
 * makes the common licenses, and an account is its e-mail address.
 */
const NATURAL_KEYS: Record<string, string> = { licenses: 'spdxId', users: 'email' }

export class ImportRefused extends Error {}

export type ImportReport = Record<string, { created: number; matched: number }>

async function readArchive(archivePath: string, staging: string): Promise<ExportedContent> {
  await extract({ file: archivePath, cwd: staging, strict: true })
  const text = await fs.readFile(path.join(staging, CONTENT_FILE), 'utf8').catch(() => {
    throw new ImportRefused(`This archive has no ${CONTENT_FILE}: it is not one npm run export writes.`)
  })
  const parsed = contentSchema.safeParse(JSON.parse(text))
  if (!parsed.success) throw new ImportRefused(`${CONTENT_FILE} is not in the export format (${parsed.error.issues[0]?.message}).`)
  for (const { documents } of parsed.data.collections) {
    for (const { file } of documents) {
      if (file && (await sha256Of(path.join(staging, file.path)).catch(() => 'missing')) !== file.sha256) {
        throw new ImportRefused(`The archive is damaged: ${file.path} is missing or does not match its checksum. Nothing was imported.`)
      }
    }
  }
  return parsed.data
}

/** Content already in the target that an import would duplicate; matched collections excepted. */
async function existingContent(payload: Payload, slugs: string[]): Promise<string[]> {
  const found: string[] = []
  for (const slug of slugs.filter((candidate) => !NATURAL_KEYS[candidate])) {
    const { totalDocs } = await payload.count({ collection: slug as CollectionSlug, overrideAccess: true })
    if (totalDocs > 0) found.push(`${slug}: ${totalDocs}`)
  }
  return found
}

async function findByNaturalKey(payload: Payload, slug: string, data: JsonObject): Promise<Id | undefined> {
  const key = NATURAL_KEYS[slug]
  if (!key || data[key] === undefined) return undefined
  const { docs } = await payload.find({ collection: slug as CollectionSlug, where: { [key]: { equals: data[key] } }, limit: 1, depth: 0, overrideAccess: true, draft: false })
  return (docs[0] as { id?: Id } | undefined)?.id
}

type ImportArgs = { payload: Payload; config: SanitizedCollectionConfig; entry: ExportedDocument; remap: RemapId; staging: string }

/** Creates (or, matched by natural key, updates) one document; returns its id in the target. */
async function importDocument({ payload, config, entry, remap, staging }: ImportArgs): Promise<{ id: Id; matched: boolean }> {
  const collection = config.slug as CollectionSlug
  const data = remapDocument(config.flattenedFields, entry.data, remap)
  const isDraft = data._status === 'draft'
  const common = { collection, overrideAccess: true, depth: 0 }
  const existing = await findByNaturalKey(payload, config.slug, data)
  let id: Id
  if (existing !== undefined) {
    await payload.update({ ...common, id: existing, data: data as never })
    id = existing
  } else {
    // Accounts come without passwords unless exported with them: a random one until reset.
    const withPassword = config.auth ? { ...data, password: randomBytes(24).toString('base64url') } : data
    const filePath = entry.file ? path.join(staging, entry.file.path) : undefined
    const created = await payload.create({ ...common, data: withPassword as never, draft: isDraft, ...(filePath ? { filePath } : {}) })
    id = (created as unknown as { id: Id }).id
  }
  // Straight to the adapter: Payload's own update would hash it again. The record's date stays the exported one.
  if (entry.password) await payload.db.updateOne({ collection, id, data: { ...entry.password, updatedAt: data.updatedAt } })
  if (entry.draft) {
    await payload.update({ ...common, id, data: remapDocument(config.flattenedFields, entry.draft, remap) as never, draft: true })
    // Saving the draft stamps the main record with today's date; it keeps the exported one.
    await payload.db.updateOne({ collection, id, data: { updatedAt: data.updatedAt } })
  }
  return { id, matched: existing !== undefined }
}

export async function importContent(payload: Payload, archivePath: string): Promise<ImportReport> {
  const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'publication-import-'))
  try {
    const content = await readArchive(archivePath, staging)
    const configs = new Map<string, SanitizedCollectionConfig>(payload.config.collections.filter(isContentCollection).map((config) => [config.slug, config]))
    const unknown = content.collections.map(({ slug }) => slug).filter((slug) => !configs.has(slug))
    if (unknown.length > 0) throw new ImportRefused(`The archive has collections this site does not: ${unknown.join(', ')}.`)
    const occupied = await existingContent(payload, content.collections.map(({ slug }) => slug))
    if (occupied.length > 0) {
      throw new ImportRefused(`The target database already has content (${occupied.join(', ')}). Import into an empty database: run the import before the site's first start, or start it once with SEED_ON_START=false.`)
    }

    const ids = new Map<string, Id>()
    const remap: RemapId = (collection, id) => {
      const mapped = ids.get(`${collection}:${String(id)}`)
      if (mapped === undefined) throw new ImportRefused(`A reference to ${collection} ${String(id)} points at a document the archive does not hold (or one imported later).`)
      return mapped
    }
    const report: ImportReport = {}
    for (const { slug, documents } of content.collections) {
      const config = configs.get(slug)!
      report[slug] = { created: 0, matched: 0 }
      for (const entry of documents) {
        const { id, matched } = await importDocument({ payload, config, entry, remap, staging })
        ids.set(`${slug}:${String(entry.id)}`, id)
        report[slug][matched ? 'matched' : 'created'] += 1
      }
    }
    for (const [slug, data] of Object.entries(content.globals)) {
      const global = payload.config.globals.find((candidate) => candidate.slug === slug)
      if (!global) throw new ImportRefused(`The archive has a global this site does not: ${slug}.`)
      const { globalType: _type, id: _id, ...fields } = data
      await payload.updateGlobal({ slug: slug as GlobalSlug, data: remapDocument(global.flattenedFields, fields, remap) as never, overrideAccess: true, depth: 0 })
    }
    // A site starts from the import complete: every image's files written, not queued.
    await writePendingImageFiles(payload)
    return report
  } finally {
    await fs.rm(staging, { recursive: true, force: true })
  }
}
