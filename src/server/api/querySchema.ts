import { buildVersionCollectionFields, getFieldByPath, type FlattenedField, type Payload } from 'payload'

import type { IdType } from './ids'
import type { FieldKind, QuerySchema } from './whereProblems'

/** How the adapter's own ids look: numbers in SQL, ObjectIds in MongoDB (versions use these too). */
export function defaultIdType(payload: Payload): IdType {
  if (payload.db.defaultIDType === 'number') return 'number'
  return payload.db.name === 'mongoose' ? 'ObjectID' : 'text'
}

/** How ids of a collection look: the adapter's, unless the collection sets its own. */
export function idTypeOf(payload: Payload, collectionSlug: string): IdType {
  return payload.collections[collectionSlug as keyof Payload['collections']]?.customIDType ?? defaultIdType(payload)
}

function kindOfField(payload: Payload, field: FlattenedField): FieldKind {
  if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
    return { type: 'id', idType: idTypeOf(payload, field.relationTo) }
  }
  if (field.type === 'number') return { type: 'number' }
  if (field.type === 'date') return { type: 'date' }
  return { type: 'other' }
}

/** Operators a SQL adapter implements (it keeps them in a table); other adapters take them all. */
function adapterOperators(payload: Payload): ReadonlySet<string> | null {
  const operators = (payload.db as { operators?: Record<string, unknown> }).operators
  return operators ? new Set(Object.keys(operators)) : null
}

/**
 * The `where` schema of a collection (or of its versions, whose fields sit under `version.`),
 * built from Payload's sanitized config; unknown slugs give null and are left to Payload.
 */
export function querySchemaFor(payload: Payload, collectionSlug: string, versions: boolean): QuerySchema | null {
  const collection = payload.collections[collectionSlug as keyof Payload['collections']]?.config
  if (!collection) return null
  const fields = versions ? buildVersionCollectionFields(payload.config, collection, true) : collection.flattenedFields
  const ownIdType = versions ? defaultIdType(payload) : idTypeOf(payload, collectionSlug)
  return {
    operators: adapterOperators(payload),
    fieldKind: (path) => {
      if (path === 'id') return { type: 'id', idType: ownIdType }
      const found = getFieldByPath({ config: payload.config, fields, includeRelationships: true, path })
      return found ? kindOfField(payload, found.field) : null
    },
  }
}
