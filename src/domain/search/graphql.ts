import type { GraphQLFieldConfig, GraphQLOutputType } from 'graphql'
import { APIError, type GraphQLExtension, type PayloadRequest } from 'payload'

import { getSettings } from '@/config/settings'
import { readSearchParams } from '@/lib/search/params'
import { parseQuery } from '@/lib/search/query'
import { searchPublishedArticles, SearchUnavailableError } from './searchArticles'

type Args = { q: string; page?: number | null; limit?: number | null }

/** A status Payload's GraphQL error formatter keeps, so the reader sees the message (it hides 500s). */
const badInput = (message: string) => new APIError(message, 400, undefined, true)

/**
 * `SearchArticles(q, page, limit)`: the REST search in GraphQL. Each hit carries its rank, the
 * HTML excerpt and the article as the `Article` type, whose relationships resolve as they do
 * anywhere else in the schema (the hit's document is read at depth 0 for that).
 */
export const searchGraphQLQueries: GraphQLExtension = (graphQL, { collections }) => {
  const { GraphQLBoolean, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = graphQL
  const article = collections.articles?.graphQL?.type as GraphQLOutputType | undefined
  if (!article) return {}
  const hit = new GraphQLObjectType({
    name: 'ArticleSearchHit',
    fields: {
      rank: { type: new GraphQLNonNull(GraphQLInt), description: 'Place in the ranking across all pages (1: best).' },
      excerpt: { type: new GraphQLNonNull(GraphQLString), description: 'HTML: the body text around the first match, escaped, matched words in <mark>.' },
      article: { type: new GraphQLNonNull(article) },
    },
  })
  const int = { type: new GraphQLNonNull(GraphQLInt) }
  const results = new GraphQLObjectType({
    name: 'ArticleSearchResults',
    fields: {
      docs: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(hit))) },
      totalDocs: int,
      limit: int,
      page: int,
      totalPages: int,
      hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      hasPrevPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      nextPage: { type: GraphQLInt },
      prevPage: { type: GraphQLInt },
    },
  })
  const query: GraphQLFieldConfig<unknown, { req: PayloadRequest }, Args> = {
    type: new GraphQLNonNull(results),
    description: 'Published articles ranked for the words and "quoted phrases" in q: headline matches first, then standfirst, then body; newer first on ties.',
    args: { q: { type: new GraphQLNonNull(GraphQLString) }, page: { type: GraphQLInt }, limit: { type: GraphQLInt } },
    resolve: async (_source, args, { req }) => {
      const params = readSearchParams(
        { q: args.q, page: args.page?.toString(), limit: args.limit?.toString() },
        { maxLimit: getSettings().apiLimits.maxLimit, maxDepth: 0, defaultDepth: 0 },
      )
      if (!params.ok) throw badInput(params.message)
      const parsed = parseQuery(params.q)
      if (!parsed.ok) throw badInput(parsed.message)
      try {
        const found = await searchPublishedArticles(req.payload, parsed.query, { ...params, user: req.user })
        return { ...found, docs: found.docs.map(({ rank, excerpt, ...doc }) => ({ rank, excerpt, article: doc })) }
      } catch (error) {
        if (error instanceof SearchUnavailableError) throw new APIError(error.message, 503, undefined, true)
        throw error
      }
    },
  }
  return { SearchArticles: query }
}
