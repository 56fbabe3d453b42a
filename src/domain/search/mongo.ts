import type { Payload } from 'payload'

import { toMongoTextSearch } from '@/lib/search/engines'
import type { SearchQuery } from '@/lib/search/query'
import type { PageRequest, RankedPage } from './rankedIds'

/**
 * MongoDB: a text index over the stored search text (folded, Chinese as bigrams: MongoDB's
 * tokenizer does not split Chinese either), weighted like the SQL engines' columns. Language
 * 'none': no stemming and no prefixes, so MongoDB finds whole words only. Not run against a
 * server here (none can be installed on these machines); the filter and index are unit-tested.
 */
export const MONGO_TEXT_INDEX = {
  keys: { searchHeadline: 'text', searchStandfirst: 'text', searchBody: 'text' },
  options: { name: 'article_search', weights: { searchHeadline: 10, searchStandfirst: 4, searchBody: 1 }, default_language: 'none' },
} as const

export function toMongoSearch(query: SearchQuery) {
  return {
    filter: { $text: { $search: toMongoTextSearch(query), $language: 'none' }, _status: 'published' },
    projection: { _id: 1, score: { $meta: 'textScore' } },
    sort: { score: { $meta: 'textScore' }, publishedAt: -1, _id: -1 },
  } as const
}

type MongoArticles = {
  createIndex: (keys: object, options: object) => Promise<unknown>
  countDocuments: (filter: object) => Promise<number>
  find: (filter: object, projection: object) => { sort: (sort: object) => { skip: (n: number) => { limit: (n: number) => { lean: () => Promise<Array<{ _id: unknown }>> } } } }
}

const articlesOf = (payload: Payload) => (payload.db as unknown as { collections: { articles: MongoArticles } }).collections.articles

export async function ensureMongoSearchIndex(payload: Payload): Promise<void> {
  await articlesOf(payload).createIndex(MONGO_TEXT_INDEX.keys, MONGO_TEXT_INDEX.options)
}

export async function findRankedMongoIds(payload: Payload, query: SearchQuery, { limit, offset }: PageRequest): Promise<RankedPage> {
  const articles = articlesOf(payload)
  const { filter, projection, sort } = toMongoSearch(query)
  const [totalDocs, docs] = await Promise.all([articles.countDocuments(filter), articles.find(filter, projection).sort(sort).skip(offset).limit(limit).lean()])
  return { ids: docs.map((doc) => String(doc._id)), totalDocs }
}
