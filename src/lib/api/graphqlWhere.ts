import { GraphQLError, getNamedType, valueFromASTUntyped, type ValidationRule } from 'graphql'
import type { Payload } from 'payload'

import { querySchemaFor } from './querySchema'
import { findWhereProblem } from './whereProblems'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** GraphQL values as the REST query string would carry them, so one check serves both. */
function asQueryValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asQueryValues)
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, asQueryValues(each)]))
  return String(value)
}

/** The collection (and whether its versions) a `<Name>_where` or `versions<Name>_where` input type filters. */
function collectionOfWhereType(payload: Payload, typeName: string): { slug: string; versions: boolean } | null {
  for (const [slug, collection] of Object.entries(payload.collections)) {
    const name = (collection as { graphQL?: { whereInputType?: { name: string } } }).graphQL?.whereInputType?.name
    if (!name) continue
    if (typeName === name) return { slug, versions: false }
    if (typeName === `versions${name}`) return { slug, versions: true }
  }
  return null
}

/**
 * The REST `where` checks (values of the wrong type for numbers, ids and dates; operators the
 * adapter lacks) for GraphQL's `where` arguments, whose schema types let the same mistakes through
 * to the database, where they fail with an internal error.
 */
export function graphQLWhereRule(args: { contextValue?: unknown; variableValues?: Record<string, unknown> | null }): ValidationRule {
  const payload = (args.contextValue as { req?: { payload?: Payload } } | undefined)?.req?.payload
  return (context) => ({
    Argument(node) {
      const definition = context.getArgument()
      if (!payload || node.name.value !== 'where' || !definition) return
      const target = collectionOfWhereType(payload, getNamedType(definition.type).name)
      const schema = target && querySchemaFor(payload, target.slug, target.versions)
      if (!schema) return
      const where = asQueryValues(valueFromASTUntyped(node.value, args.variableValues ?? undefined) as Json)
      const problem = findWhereProblem(where, schema)
      if (problem) context.reportError(new GraphQLError(problem, { nodes: [node] }))
    },
  })
}
