import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { GraphQLError, Kind, type ValidationContext, type ValidationRule, type ValueNode } from 'graphql'

export type GraphQLLimits = { maxDepth: number; maxAliases: number; maxLimit: number }

function argumentValue(node: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  if (node.kind === Kind.VARIABLE) return variables?.[node.name.value]
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.BOOLEAN) return node.value
  return undefined
}

/** Payload's list queries take `limit` (0 means all) and `pagination: false` (all); both are bounded like REST's. */
function pageSizeRule(maxLimit: number, variables: Record<string, unknown> | null | undefined): ValidationRule {
  return (context) => ({
    Argument(node) {
      const value = argumentValue(node.value, variables)
      if (node.name.value === 'limit' && typeof value === 'number' && (value < 1 || value > maxLimit)) {
        context.reportError(new GraphQLError(`limit must be from 1 to ${maxLimit}; use page for more.`, { nodes: [node] }))
      }
      if (node.name.value === 'pagination' && value === false) {
        context.reportError(new GraphQLError(`pagination: false is not allowed; use limit (at most ${maxLimit}) and page.`, { nodes: [node] }))
      }
    },
  })
}

/** graphql-armor throws by default; reported errors become the usual `errors` list (and a 400). */
const reportRejection = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] }

/**
 * Bounds on one GraphQL document beyond Payload's complexity score, which counts each field once:
 * nesting depth, aliases (300 aliased copies of one query cost little each) and page sizes.
 */
export function graphQLLimitRules({ maxDepth, maxAliases, maxLimit }: GraphQLLimits) {
  return (args: { variableValues?: Record<string, unknown> | null }): ValidationRule[] => [
    maxDepthRule({ n: maxDepth, exposeLimits: true, ...reportRejection }),
    maxAliasesRule({ n: maxAliases, exposeLimits: true, ...reportRejection }),
    pageSizeRule(maxLimit, args.variableValues),
  ]
}
