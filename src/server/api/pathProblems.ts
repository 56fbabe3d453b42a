import { idProblem, type IdType } from './ids'

/** One of Payload's REST endpoints for a collection or global: `get /versions/:id`, `get /file/:filename`. */
export type Endpoint = { method: string; path: string }

// Control characters and path separators cannot be in a stored file name; Node refuses NUL outright.
const UNSAFE_FILE_NAME = /[\p{Cc}/\\]/u

function matchPath(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern.split('/').filter(Boolean)
  const params: Record<string, string> = {}
  for (const [index, part] of parts.entries()) {
    const segment = segments[index]
    if (part.startsWith(':')) {
      const optional = part.endsWith('?')
      if (segment === undefined && !optional) return null
      if (segment !== undefined) params[part.slice(1, optional ? -1 : undefined)] = segment
    } else if (segment !== part) {
      return null
    }
  }
  return segments.length <= parts.length ? params : null
}

/** The path parameters of the first endpoint matching method and path, as Payload picks it; null when none does. */
export function matchEndpoint(endpoints: readonly Endpoint[], method: string, segments: string[]): Record<string, string> | null {
  for (const endpoint of endpoints) {
    if (endpoint.method.toLowerCase() !== method.toLowerCase()) continue
    const params = matchPath(endpoint.path, segments)
    if (params) return params
  }
  return null
}

export type PathProblem = { status: 400 | 404; message: string }

/**
 * A problem with the ids or file names in a REST path, found before Payload passes them to the
 * database or the file system (where a word for a numeric id, or a NUL byte, fails with a 500).
 */
export function findPathProblem(params: Record<string, string>, idType: IdType, entity: string): PathProblem | null {
  if (params.id !== undefined) {
    const message = idProblem(params.id, idType, entity)
    if (message) return { status: 404, message }
  }
  const name = params.filename
  if (name !== undefined && (UNSAFE_FILE_NAME.test(name) || name === '.' || name === '..')) {
    return { status: 400, message: `${entity}: ${JSON.stringify(name)} is not a file name (no control characters or path separators).` }
  }
  return null
}
