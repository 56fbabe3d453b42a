import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_OFFSET } from '@/lib/search/params'
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from '@/lib/search/query'
import type { SiteIdentity } from '@/lib/site'
import { tdmPolicyUrl } from '@/lib/seo/tdm'
import type { JsonSchema, PublicCollection, PublicSchemas } from './types'

export const OPENAPI_VERSION = '3.1.0'
/** The contract's own version: bump on a breaking change to the public read API. */
export const API_VERSION = '1.0.0'

const NAMES: Record<PublicCollection, { component: string; singular: string; plural: string; about: string }> = {
  articles: { component: 'Article', singular: 'article', plural: 'articles', about: 'Published articles (drafts need a login).' },
  media: {
    component: 'Media',
    singular: 'image',
    plural: 'images',
    about:
      'Images with their credit: `credit.text` and `credit.html` (CC REL RDFa) and `licensePermissions` are computed from the image and its license on every read. `contentCredentials` describes the C2PA manifest signed into the original file (label, signer, time, actions) and whether it validates.',
  },
  licenses: { component: 'License', singular: 'license', plural: 'licenses', about: 'The licenses images are used under (SPDX ids, deeds, permissions).' },
  sections: { component: 'Section', singular: 'section', plural: 'sections', about: 'The sections articles belong to (World, Politics, …), each with a page /sections/<slug>.' },
  authors: {
    component: 'Author',
    singular: 'author',
    plural: 'authors',
    about: 'Public author profiles (name, slug, bio, photo), apart from login accounts: no e-mail address or role.',
  },
}

const ref = (component: string) => ({ $ref: `#/components/schemas/${component}` })
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } })

/** Payload's generator points at `#/definitions/<slug>`; OpenAPI keeps schemas under components. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      // tsType is a hint for Payload's TypeScript output, not JSON Schema.
      .filter(([key]) => key !== 'tsType')
      .map(([key, inner]) => {
        if (key !== '$ref' || typeof inner !== 'string') return [key, rewriteRefs(inner)]
        const slug = inner.replace('#/definitions/', '') as PublicCollection
        if (!NAMES[slug]) throw new Error(`The public API document cannot refer to "${slug}": it is not a public collection`)
        return [key, ref(NAMES[slug].component).$ref]
      }),
  )
}

/** Payload's error body: a list of errors, each with a message a person can read. */
const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['message'],
        properties: {
          message: { type: 'string' },
          name: { type: 'string' },
          // An object for validation errors, a list of the paths at fault for query errors.
          data: { description: 'Details, such as the fields or paths at fault.' },
        },
      },
    },
  },
}

/**
 * An article as the list gives it, with its place in the ranking and an excerpt around the
 * match. A copy with two more properties, not `allOf`: Payload's schemas allow no others.
 */
function searchResultSchema(article: JsonSchema): JsonSchema {
  return {
    ...article,
    title: 'ArticleSearchResult',
    required: [...(article.required ?? []), 'rank', 'excerpt'],
    properties: {
      ...article.properties,
      rank: { type: 'integer', minimum: 1, description: 'Place in the ranking across all pages (1: best).' },
      excerpt: { type: 'string', description: 'HTML: plain text of the body around the first match, escaped, matched words in `<mark>`.' },
    },
  }
}

function searchPath(apiRoute: string) {
  return {
    [`${apiRoute}/articles/search`]: {
      get: {
        tags: ['articles'],
        security: [],
        operationId: 'search_articles',
        summary: 'Search published articles',
        description:
          'Ranked full-text search: a match in the headline first, then in the standfirst only, then in the body only; newer first on ties. ' +
          'Words match regardless of case and diacritics, and as prefixes (`Путин` finds `Путина`, `summit` finds `summits`); Chinese is matched by character pairs (`普京`). ' +
          'Put a phrase in double quotes to match it exactly. Only published articles, in their published version.',
        parameters: [
          { name: 'q', in: 'query', required: true, description: `The words and "quoted phrases" to find: at most ${MAX_QUERY_LENGTH} characters and ${MAX_QUERY_TERMS} words or phrases.`, schema: { type: 'string', minLength: 1, maxLength: MAX_QUERY_LENGTH } },
          { name: 'page', in: 'query', description: `Page number, from 1; results beyond the first ${MAX_SEARCH_OFFSET} are not paged to.`, schema: { type: 'integer', minimum: 1 } },
          { name: 'limit', in: 'query', description: `Results per page (default ${DEFAULT_SEARCH_LIMIT}).`, schema: { type: 'integer', minimum: 1 } },
          depthParameter,
        ],
        responses: {
          '200': { description: 'A page of ranked results', content: { 'application/json': { schema: ref('ArticleSearchResults') } } },
          '400': errorResponse('No query, a query that is too long or has too many words, or a page, limit or depth out of range'),
          '429': errorResponse('Too many requests from this address without a login'),
        },
      },
    },
  }
}

function listSchema(component: string): JsonSchema {
  const page = { type: 'integer' }
  return {
    type: 'object',
    required: ['docs', 'totalDocs', 'limit', 'totalPages', 'page', 'pagingCounter', 'hasPrevPage', 'hasNextPage', 'prevPage', 'nextPage'],
    properties: {
      docs: { type: 'array', items: ref(component) },
      totalDocs: page,
      limit: page,
      totalPages: page,
      page,
      pagingCounter: page,
      hasPrevPage: { type: 'boolean' },
      hasNextPage: { type: 'boolean' },
      prevPage: { type: ['integer', 'null'] },
      nextPage: { type: ['integer', 'null'] },
    },
  }
}

const depthParameter = {
  name: 'depth',
  in: 'query',
  description: 'How many levels of relationships to populate (0: ids only). Default 2.',
  schema: { type: 'integer', minimum: 0, maximum: 10 },
}

function listParameters() {
  return [
    {
      name: 'where',
      in: 'query',
      style: 'deepObject',
      explode: true,
      description: 'Filter in Payload query syntax, e.g. `where[slug][equals]=my-article`. Operators: equals, not_equals, in, not_in, like, contains, greater_than(_equal), less_than(_equal), exists; combine with `and` / `or`.',
      schema: { type: 'object', additionalProperties: true },
    },
    { name: 'limit', in: 'query', description: 'Documents per page (default 10).', schema: { type: 'integer', minimum: 0 } },
    { name: 'page', in: 'query', description: 'Page number, from 1.', schema: { type: 'integer', minimum: 1 } },
    { name: 'sort', in: 'query', description: 'A field name; prefix with `-` for descending, e.g. `-publishedAt`.', schema: { type: 'string' } },
    depthParameter,
  ]
}

function collectionPaths(collection: PublicCollection, { apiRoute, idType }: Pick<PublicSchemas, 'apiRoute' | 'idType'>) {
  const { component, singular, plural } = NAMES[collection]
  const common = { tags: [collection], security: [] }
  return {
    [`${apiRoute}/${collection}`]: {
      get: {
        ...common,
        operationId: `list_${collection}`,
        summary: `List ${plural}`,
        parameters: listParameters(),
        responses: {
          '200': { description: `A page of ${plural}`, content: { 'application/json': { schema: ref(`${component}List`) } } },
          '400': errorResponse('The query is malformed (for example an unknown field or operator in `where`)'),
        },
      },
    },
    [`${apiRoute}/${collection}/{id}`]: {
      get: {
        ...common,
        operationId: `get_${singular}`,
        summary: `One ${singular} by id`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: idType } }, depthParameter],
        responses: {
          '200': { description: `The ${singular}`, content: { 'application/json': { schema: ref(component) } } },
          '404': errorResponse(`No ${singular} with this id is visible to you`),
        },
      },
    },
  }
}

/**
 * OpenAPI 3.1 for the public read API (articles, media, licenses), built from the schemas Payload
 * generates from its config. The site's identity names it; a TDM reservation links the policy.
 */
export function toOpenApiDocument(input: PublicSchemas, { origin, site }: { origin: string; site: SiteIdentity }): Record<string, unknown> {
  const collections = Object.keys(NAMES) as PublicCollection[]
  const schemas: Record<string, unknown> = { Error: ERROR_SCHEMA }
  for (const collection of collections) {
    const { component } = NAMES[collection]
    schemas[component] = rewriteRefs({ ...input.schemas[collection], title: component })
    schemas[`${component}List`] = listSchema(component)
  }
  schemas.ArticleSearchResult = searchResultSchema(schemas.Article as JsonSchema)
  schemas.ArticleSearchResults = listSchema('ArticleSearchResult')
  const policy = site.tdm.reserved ? tdmPolicyUrl(site, origin) : null
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: `${site.name} public API`,
      version: API_VERSION,
      description: `${site.description} Read-only access to published articles, their images with credit and license, and the licenses. Every image must be shown with its credit.`,
      ...(policy ? { termsOfService: policy, 'x-tdm-reservation': 1, 'x-tdm-policy': policy } : {}),
    },
    servers: [{ url: origin }],
    tags: collections.map((collection) => ({ name: collection, description: NAMES[collection].about })),
    // The search path comes before /articles/{id}, which would otherwise read "search" as an id.
    paths: Object.assign({}, searchPath(input.apiRoute), ...collections.map((collection) => collectionPaths(collection, input))),
    components: { schemas },
  }
}
