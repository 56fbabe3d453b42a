import { idProblem, type IdType } from './ids'

/**
 * Payload answers some malformed `where` queries with a 500 (a string instead of an object, an
 * object as a value, a word compared with greater_than, geographic operators on text, a word
 * where the database stores a number, id or date, an operator the adapter lacks). This finds
 * those before Payload sees them, so the caller gets a 400 that says what to fix.
 */

/** What the field at a query path stores, as far as checking a compared value needs to know. */
export type FieldKind = { type: 'number' } | { type: 'date' } | { type: 'id'; idType: IdType } | { type: 'other' }

/** The collection being queried, seen through what a `where` check needs. */
export type QuerySchema = {
  /** The kind of the field at a dot path (`heroImage.width`); null when the path is unknown (Payload reports those). */
  fieldKind: (path: string) => FieldKind | null
  /** Operators the database adapter implements (SQL adapters have no `all`); null when it takes them all. */
  operators: ReadonlySet<string> | null
}

const SCALAR_OPERATORS = new Set(['equals', 'not_equals', 'like', 'not_like', 'contains'])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const ORDER_OPERATORS = new Set(['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const OPERATORS = new Set([...SCALAR_OPERATORS, ...LIST_OPERATORS, ...ORDER_OPERATORS, ...GEO_OPERATORS, 'exists'])
const MAX_DEPTH = 8
/** Operators whose values are compared with the stored value, so must have its type. */
const TYPED_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all', ...ORDER_OPERATORS])

const EXAMPLE = 'e.g. where[slug][equals]=my-article'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isOrderable(value: string): boolean {
  return (value.trim() !== '' && Number.isFinite(Number(value))) || !Number.isNaN(Date.parse(value))
}

/** `in` and friends take a list or a comma-separated string, as Payload splits them. */
function listValues(operator: string, value: string | string[]): string[] {
  if (Array.isArray(value)) return value
  return LIST_OPERATORS.has(operator) ? value.split(',') : [value]
}

function valueProblem(path: string, kind: FieldKind, value: string): string | null {
  // Payload reads the word null as "no value", for every field type.
  if (value === 'null') return null
  if (kind.type === 'number' && (value.trim() === '' || !Number.isFinite(Number(value)))) return `${path} compares a number; "${value}" is not one.`
  if (kind.type === 'date' && Number.isNaN(Date.parse(value))) return `${path} compares a date (e.g. 2024-05-16); "${value}" is not one.`
  if (kind.type === 'id') return idProblem(value, kind.idType, path)
  return null
}

function operatorProblem(path: string, fieldPath: string, operator: string, value: unknown, schema: QuerySchema): string | null {
  if (GEO_OPERATORS.has(operator)) return `${path}: geographic operators (near, within, intersects) need a location field, and this API has none.`
  if (schema.operators && !schema.operators.has(operator)) return `${path}: the "${operator}" operator is not available with this database; use "in" or combine conditions with "and".`
  const values = Array.isArray(value) ? value : [value]
  if (values.some((item) => typeof item !== 'string')) return `${path} must be a value, not a nested object (${EXAMPLE}).`
  if (!LIST_OPERATORS.has(operator) && Array.isArray(value)) return `${path} takes one value; use "in" for a list.`
  if (operator === 'exists' && !['true', 'false'].includes(value as string)) return `${path} must be true or false.`
  if (ORDER_OPERATORS.has(operator) && !values.every((item) => isOrderable(item as string))) {
    return `${path} compares numbers or dates; "${String(value)}" is neither.`
  }
  const kind = TYPED_OPERATORS.has(operator) ? schema.fieldKind(fieldPath) : null
  if (kind) {
    for (const item of listValues(operator, value as string | string[])) {
      const problem = valueProblem(path, kind, item)
      if (problem) return problem
    }
  }
  return null
}

function conditionProblem(path: string, condition: unknown, depth: number, fieldPath: string[], schema: QuerySchema): string | null {
  if (depth > MAX_DEPTH) return `${path} is nested too deeply.`
  if (!isPlainObject(condition)) return `${path} must name a field and an operator (${EXAMPLE}).`
  for (const [key, value] of Object.entries(condition)) {
    const keyPath = `${path}[${key}]`
    // Payload reads and/or in any case (GraphQL sends AND/OR).
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      const branches = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : null
      if (!branches) return `${keyPath} must be a list of conditions, e.g. ${keyPath}[0][slug][equals]=a.`
      for (const [index, branch] of branches.entries()) {
        const problem = conditionProblem(`${keyPath}[${index}]`, branch, depth + 1, [], schema)
        if (problem) return problem
      }
    } else if (OPERATORS.has(key)) {
      const problem = operatorProblem(keyPath, fieldPath.join('.'), key, value, schema)
      if (problem) return problem
    } else if (isPlainObject(value)) {
      // A field name (or a nested field path such as where[sizes][w320][width][equals]).
      // The SQL adapters read `__` as `.` (GraphQL's names for nested fields).
      const problem = conditionProblem(keyPath, value, depth + 1, [...fieldPath, ...key.split('__')], schema)
      if (problem) return problem
    } else if (path !== 'where') {
      // Payload reports unknown operators and paths itself, with a 400.
      continue
    } else {
      return `${keyPath} needs an operator (${EXAMPLE}).`
    }
  }
  return null
}

/** A message for the first problem in a parsed `where` query parameter, or null when it is well-formed. */
export function findWhereProblem(where: unknown, schema: QuerySchema): string | null {
  if (where === undefined) return null
  return conditionProblem('where', where, 0, [], schema)
}
