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
    paths: Object.assign({}, ...collections.map((collection) => collectionPaths(collection, input))),
    components: { schemas },
  }
}
