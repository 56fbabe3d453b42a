import { GraphQLError, getNamedType, valueFromASTUntyped, type ValidationRule } from 'graphql'
import { formatNames, getPayload, toWords, type Payload, type SanitizedConfig } from 'payload'

import { querySchemaFor } from './querySchema'
import { findWhereProblem } from './whereProblems'

/**
 * GraphQL validation rules get no request context, so the GraphQL route hands its Payload
 * instance over here (one per process) before Payload validates the document.
 */
let payloadForChecks: Payload | undefined

export function withGraphQLWhereChecks(handler: (request: Request) => Promise<Response>, config: Promise<SanitizedConfig>): (request: Request) => Promise<Response> {
  return async (request) => {
    payloadForChecks ??= await getPayload({ config })
    return handler(request)
  }
}

/** GraphQL values as the REST query string would carry them, so one check serves both. */
function asQueryValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asQueryValues)
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, asQueryValues(each)]))
  return String(value)
}

/** The collection (and whether its versions) a `<Singular>_where` or `versions<Singular>_where` input type filters, named as Payload names them. */
function collectionOfWhereType(payload: Payload, typeName: string): { slug: string; versions: boolean } | null {
  for (const { config } of Object.values(payload.collections)) {
    const singular = config.graphQL && config.graphQL.singularName ? toWords(config.graphQL.singularName, true) : formatNames(config.slug).singular
    if (typeName === `${singular}_where`) return { slug: config.slug, versions: false }
    if (typeName === `versions${singular}_where`) return { slug: config.slug, versions: true }
  }
  return null
}

/**
 * The REST `where` checks (values of the wrong type for numbers, ids and dates; operators the
 * adapter lacks) for GraphQL's `where` arguments, whose schema types let the same mistakes through
 * to the database, where they fail with an internal error.
 */
export function graphQLWhereRule(args: { variableValues?: Record<string, unknown> | null }): ValidationRule {
  const payload = payloadForChecks
  return (context) => ({
    Argument(node) {
      const definition = context.getArgument()
      if (!payload || node.name.value !== 'where' || !definition) return
      const target = collectionOfWhereType(payload, getNamedType(definition.type).name)
      const schema = target && querySchemaFor(payload, target.slug, target.versions)
      if (!schema) return
      const problem = findWhereProblem(asQueryValues(valueFromASTUntyped(node.value, args.variableValues ?? undefined)), schema)
      if (problem) context.reportError(new GraphQLError(problem, { nodes: [node] }))
    },
  })
}
