/**
 * Payload answers some malformed `where` queries with a 500 (a string instead of an object, an
 * object as a value, a word compared with greater_than, geographic operators on text). This
 * finds those before Payload sees them, so the caller gets a 400 that says what to fix.
 */
const SCALAR_OPERATORS = new Set(['equals', 'not_equals', 'like', 'not_like', 'contains'])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const ORDER_OPERATORS = new Set(['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const OPERATORS = new Set([...SCALAR_OPERATORS, ...LIST_OPERATORS, ...ORDER_OPERATORS, ...GEO_OPERATORS, 'exists'])
const MAX_DEPTH = 8

const EXAMPLE = 'e.g. where[slug][equals]=my-article'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isOrderable(value: string): boolean {
  return (value.trim() !== '' && Number.isFinite(Number(value))) || !Number.isNaN(Date.parse(value))
}

function operatorProblem(path: string, operator: string, value: unknown): string | null {
  if (GEO_OPERATORS.has(operator)) return `${path}: geographic operators (near, within, intersects) need a location field, and this API has none.`
  const values = Array.isArray(value) ? value : [value]
  if (values.some((item) => typeof item !== 'string')) return `${path} must be a value, not a nested object (${EXAMPLE}).`
  if (!LIST_OPERATORS.has(operator) && Array.isArray(value)) return `${path} takes one value; use "in" for a list.`
  if (operator === 'exists' && !['true', 'false'].includes(value as string)) return `${path} must be true or false.`
  if (ORDER_OPERATORS.has(operator) && !values.every((item) => isOrderable(item as string))) {
    return `${path} compares numbers or dates; "${String(value)}" is neither.`
  }
  return null
}

function conditionProblem(path: string, condition: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH) return `${path} is nested too deeply.`
  if (!isPlainObject(condition)) return `${path} must name a field and an operator (${EXAMPLE}).`
  for (const [key, value] of Object.entries(condition)) {
    const keyPath = `${path}[${key}]`
    if (key === 'and' || key === 'or') {
      const branches = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : null
      if (!branches) return `${keyPath} must be a list of conditions, e.g. ${keyPath}[0][slug][equals]=a.`
      for (const [index, branch] of branches.entries()) {
        const problem = conditionProblem(`${keyPath}[${index}]`, branch, depth + 1)
        if (problem) return problem
      }
    } else if (OPERATORS.has(key)) {
      const problem = operatorProblem(keyPath, key, value)
      if (problem) return problem
    } else if (isPlainObject(value)) {
      // A field name (or a nested field path such as where[sizes][w320][width][equals]).
      const problem = conditionProblem(keyPath, value, depth + 1)
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
export function findWhereProblem(where: unknown): string | null {
  if (where === undefined) return null
  return conditionProblem('where', where, 0)
}
