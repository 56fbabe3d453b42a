/**
 * Ids differ between databases (numbers in SQL, strings in MongoDB), so moving content means
 * rewriting every reference: relationship and upload fields at any depth (arrays, groups, tabs,
 * blocks) and the upload/link nodes inside rich text. Pure: the field config says where to look.
 */
import type { FlattenedField } from 'payload'

import type { Id } from '@/lib/id'

export type JsonObject = { [key: string]: unknown }
/** The id a document of `collection` has in the target database; throws when it was not imported. */
export type RemapId = (collection: string, id: Id) => Id

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)
const isId = (value: unknown): value is Id => typeof value === 'number' || typeof value === 'string'

/** One reference: a bare id, a populated document, or `{ relationTo, value }` for polymorphic fields. */
function remapReference(relationTo: string | string[], value: unknown, remap: RemapId): unknown {
  if (value === null || value === undefined) return value
  if (isObject(value) && typeof value.relationTo === 'string') {
    return { relationTo: value.relationTo, value: remapReference(value.relationTo, value.value, remap) }
  }
  const id = isObject(value) ? value.id : value
  if (!isId(id) || typeof relationTo !== 'string') throw new Error(`Unexpected reference ${JSON.stringify(value)} to ${String(relationTo)}`)
  return remap(relationTo, id)
}

/** Lexical keeps references as nodes with `relationTo` and `value` (uploads, relationships, internal links). */
export function remapRichText(value: unknown, remap: RemapId): unknown {
  if (Array.isArray(value)) return value.map((item) => remapRichText(item, remap))
  if (!isObject(value)) return value
  if (typeof value.relationTo === 'string' && 'value' in value) {
    return { ...value, value: remapReference(value.relationTo, value.value, remap) }
  }
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, remapRichText(child, remap)]))
}

function remapField(field: FlattenedField, value: unknown, remap: RemapId): unknown {
  if (value === null || value === undefined) return value
  switch (field.type) {
    case 'relationship':
    case 'upload':
      return Array.isArray(value) ? value.map((item) => remapReference(field.relationTo, item, remap)) : remapReference(field.relationTo, value, remap)
    case 'array':
      return Array.isArray(value) ? value.map((row) => (isObject(row) ? remapDocument(field.flattenedFields, row, remap) : row)) : value
    case 'group':
    case 'tab':
      return isObject(value) ? remapDocument(field.flattenedFields, value, remap) : value
    case 'blocks':
      return Array.isArray(value)
        ? value.map((row) => {
            const block = isObject(row) ? field.blocks.find((candidate) => candidate.slug === row.blockType) : undefined
            return block && isObject(row) ? remapDocument(block.flattenedFields, row, remap) : row
          })
        : value
    case 'richText':
      return remapRichText(value, remap)
    default:
      return value
  }
}

/**
 * A document ready to write into another database: references remapped, and fields the target
 * computes itself left out (virtual fields, joins, the id).
 */
export function remapDocument(fields: readonly FlattenedField[], doc: JsonObject, remap: RemapId): JsonObject {
  const byName = new Map(fields.map((field) => [field.name, field]))
  const result: JsonObject = {}
  for (const [key, value] of Object.entries(doc)) {
    const field = byName.get(key)
    if (key === 'id' || field?.type === 'join' || (field && 'virtual' in field && field.virtual)) continue
    result[key] = field ? remapField(field, value, remap) : value
  }
  return result
}

/** The collections a collection's fields point at, rich text aside (it may point anywhere). */
export function referencedCollections(fields: readonly FlattenedField[]): Set<string> {
  const found = new Set<string>()
  for (const field of fields) {
    if (field.type === 'relationship' || field.type === 'upload') for (const target of [field.relationTo].flat()) found.add(target)
    if ('flattenedFields' in field) referencedCollections(field.flattenedFields).forEach((target) => found.add(target))
    if (field.type === 'blocks') for (const block of field.blocks) referencedCollections(block.flattenedFields).forEach((target) => found.add(target))
  }
  return found
}

/** Collections in an order where each comes after those it references; a cycle is named. */
export function importOrder(references: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const order: string[] = []
  const visiting = new Set<string>()
  const visit = (slug: string, path: string[]) => {
    if (order.includes(slug)) return
    if (visiting.has(slug)) throw new Error(`Collections reference each other in a cycle: ${[...path, slug].join(' → ')}`)
    visiting.add(slug)
    for (const target of references.get(slug) ?? []) if (target !== slug && references.has(target)) visit(target, [...path, slug])
    visiting.delete(slug)
    order.push(slug)
  }
  for (const slug of references.keys()) visit(slug, [])
  return order
}
