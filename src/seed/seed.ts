import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { LICENSE_CATALOG } from '@/licensing/catalog'
import type { Id } from '@/lib/id'
import { paragraphsToLexical } from '@/lib/richText'
import { firstArticle, firstAuthor, firstImage, seedSections } from './fixtures/firstArticle'
import { createStandInImage } from './standInImage'

export type SeedReport = { licenses: number; media: number; articles: number; sections: number; authors: number }

async function readArticleParagraphs(): Promise<string[]> {
  const file = path.resolve(process.cwd(), 'src/seed/fixtures/article.txt')
  const text = await fs.readFile(file, 'utf8')
  return text.split('\n').filter((line) => line.trim() !== '')
}

async function seedLicenses(payload: Payload): Promise<{ created: number; bySpdxId: Map<string, Id> }> {
  const bySpdxId = new Map<string, Id>()
  let created = 0
  for (const license of LICENSE_CATALOG) {
    const { docs } = await payload.find({ collection: 'licenses', where: { spdxId: { equals: license.spdxId } }, limit: 1, depth: 0 })
    const existing = docs[0]
    if (existing) {
      bySpdxId.set(license.spdxId, existing.id)
      continue
    }
    const doc = await payload.create({ collection: 'licenses', data: { ...license }})
    bySpdxId.set(license.spdxId, doc.id)
    created += 1
  }
  return { created, bySpdxId }
}

async function seedImage(payload: Payload, licenseId: Id): Promise<{ id: Id; created: boolean }> {
  // By its key, not its file name: an editor replacing the stand-in file renames it.
  const { docs } = await payload.find({ collection: 'media', where: { seedKey: { equals: firstImage.seedKey } }, limit: 1, depth: 0 })
  if (docs[0]) return { id: docs[0].id, created: false }
  const data = await createStandInImage(firstImage.standInLines)
  const doc = await payload.create({
    collection: 'media',
    data: {
      alt: firstImage.alt,
      caption: firstImage.caption,
      creator: firstImage.creator,
      creatorUrl: firstImage.creatorUrl,
      sourceUrl: firstImage.sourceUrl,
      license: licenseId as number,
      seedKey: firstImage.seedKey,
    },
    file: { data, mimetype: 'image/jpeg', name: firstImage.filename, size: data.length },
  })
  return { id: doc.id, created: true }
}

/** Finds a section or author by slug, or creates it; says whether it did. */
async function findOrCreate<C extends 'sections' | 'authors'>(payload: Payload, collection: C, data: RequiredDataFromCollectionSlug<C> & { slug: string }): Promise<{ id: Id; created: boolean }> {
  const { docs } = await payload.find({ collection, where: { slug: { equals: data.slug } }, limit: 1, depth: 0, pagination: false })
  if (docs[0]) return { id: docs[0].id, created: false }
  const doc = await payload.create({ collection, data })
  return { id: doc.id, created: true }
}

async function seedArticle(payload: Payload, refs: { imageId: Id; sectionId: Id; authorId: Id }): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'articles', where: { slug: { equals: firstArticle.slug } } })
  if (totalDocs > 0) return false
  await payload.create({
    collection: 'articles',
    data: {
      ...firstArticle,
      heroImage: refs.imageId as number,
      section: refs.sectionId as number,
      authors: [refs.authorId as number],
      body: paragraphsToLexical(await readArticleParagraphs()),
      _status: 'published',
    },
  })
  return true
}

/** Creates whatever of the starting content is missing; running it again creates nothing. */
export async function seed(payload: Payload): Promise<SeedReport> {
  const licenses = await seedLicenses(payload)
  const licenseId = licenses.bySpdxId.get(firstImage.licenseSpdxId)
  if (licenseId === undefined) throw new Error(`Seed license ${firstImage.licenseSpdxId} is missing from the catalog`)
  const image = await seedImage(payload, licenseId)
  const sections = []
  for (const section of seedSections) sections.push(await findOrCreate(payload, 'sections', section))
  const author = await findOrCreate(payload, 'authors', firstAuthor)
  const articleCreated = await seedArticle(payload, { imageId: image.id, sectionId: sections[0]!.id, authorId: author.id })
  const report = {
    licenses: licenses.created,
    media: image.created ? 1 : 0,
    articles: articleCreated ? 1 : 0,
    sections: sections.filter((section) => section.created).length,
    authors: author.created ? 1 : 0,
  }
  payload.logger.info(report, 'seed: created what was missing')
  return report
}

/** On start: seed only a publication with no articles at all, drafts included. */
export async function seedIfEmpty(payload: Payload): Promise<SeedReport | null> {
  const { totalDocs } = await payload.count({ collection: 'articles', overrideAccess: true })
  if (totalDocs > 0) return null
  payload.logger.info('no articles yet: seeding the first article, its image and the licenses')
  return seed(payload)
}
