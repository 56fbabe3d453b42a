import { entityToJSONSchema, type SanitizedCollectionConfig, type SanitizedConfig } from 'payload'

import type { JsonSchema, PublicCollection, PublicSchemas } from './types'

export const PUBLIC_COLLECTIONS: readonly PublicCollection[] = ['articles', 'media', 'licenses', 'sections', 'authors']

/**
 * The JSON Schema Payload itself generates for a collection (the same one behind
 * src/payload-types.ts), trimmed to what an anonymous reader receives: fields with their own
 * read access (e.g. a private permission note, the responsible account) are left out, and
 * computed (virtual) fields are marked read-only.
 */
function toPublicSchema(config: SanitizedConfig, collection: SanitizedCollectionConfig): JsonSchema {
  const schema = entityToJSONSchema(config, collection, new Map(), config.db.defaultIDType) as JsonSchema
  const properties = { ...(schema.properties ?? {}) }
  for (const field of collection.flattenedFields) {
    if (field.access?.read) delete properties[field.name]
    else if ('virtual' in field && field.virtual && properties[field.name]) properties[field.name] = { ...properties[field.name], readOnly: true }
  }
  const required = (schema.required ?? []).filter((name) => name in properties)
  return { ...schema, properties, required }
}

/** Public read schemas of articles, media, licenses, sections and authors from the running Payload config. */
export function publicSchemasFromConfig(config: SanitizedConfig): PublicSchemas {
  const bySlug = new Map(config.collections.map((collection) => [collection.slug, collection]))
  const entries = PUBLIC_COLLECTIONS.map((slug) => {
    const collection = bySlug.get(slug)
    if (!collection) throw new Error(`The Payload config has no "${slug}" collection, which the public API document describes`)
    return [slug, toPublicSchema(config, collection)] as const
  })
  return { idType: config.db.defaultIDType === 'number' ? 'number' : 'string', apiRoute: config.routes.api, schemas: Object.fromEntries(entries) as PublicSchemas['schemas'] }
}
