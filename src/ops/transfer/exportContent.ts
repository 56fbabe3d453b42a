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
import { CONTENT_FILE, filePathInArchive, type ExportedContent, type ExportedDocument } from './archive'
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

async function exportCollection(payload: Payload, config: SanitizedCollectionConfig, staging: string, withPasswords: boolean): Promise<ExportedDocument[]> {
  const slug = config.slug as CollectionSlug
  const { docs } = await payload.find({ collection: slug, depth: 0, pagination: false, sort: 'createdAt', overrideAccess: true, showHiddenFields: true, draft: false })
  const exported: ExportedDocument[] = []
  for (const found of docs as unknown as JsonObject[]) {
    const id = found.id as number | string
    const entry: ExportedDocument = { id, data: withoutFields(found, [...(config.upload ? UPLOAD_MADE_FIELDS : []), ...(config.auth ? AUTH_STATE_FIELDS : [])]) }
    if (config.versions?.drafts) {
      const latest = (await payload.findByID({ collection: slug, id, depth: 0, draft: true, overrideAccess: true, showHiddenFields: true })) as unknown as JsonObject
      if (!sameContent(latest, found)) entry.draft = withoutFields(latest, ['id'])
    }
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
    exported.push(entry)
  }
  return exported
}

export async function exportContent(payload: Payload, archivePath: string, { withPasswords = false } = {}): Promise<ExportedContent> {
  const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'publication-export-'))
  try {
    const content: ExportedContent = { format: 'publication-export', version: 1, createdAt: new Date().toISOString(), collections: [], globals: {} }
    for (const config of collectionsInImportOrder(payload)) {
      content.collections.push({ slug: config.slug, documents: await exportCollection(payload, config, staging, withPasswords) })
    }
    for (const global of payload.config.globals) {
      content.globals[global.slug] = (await payload.findGlobal({ slug: global.slug as GlobalSlug, depth: 0, overrideAccess: true })) as unknown as JsonObject
    }
    await fs.writeFile(path.join(staging, CONTENT_FILE), `${JSON.stringify(content, null, 2)}\n`)
    await fs.mkdir(path.dirname(path.resolve(archivePath)), { recursive: true })
    await createTar({ gzip: true, file: archivePath, cwd: staging, portable: true }, (await fs.readdir(staging)).sort())
    return content
  } finally {
    await fs.rm(staging, { recursive: true, force: true })
  }
}
