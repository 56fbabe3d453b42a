/**
 * Property-based: whatever a client sends to the REST and GraphQL APIs, as a reader or as a
 * contributor, the server answers without a 5xx, every 4xx is JSON with a message, and no
 * answer carries a draft, a private field or another user. Bodies and headers a client gets
 * wrong (malformed, truncated or deeply nested JSON, a wrong or missing content type, a
 * truncated form, huge bodies, bytes that are not UTF-8), sent as a reader, a contributor and an
 * editor to every collection and to GraphQL, each get a 4xx with a message and store nothing. FUZZ_RUNS sets the number of
 * generated requests (default 600; e.g. FUZZ_RUNS=5000 for a long run). A failure prints the
 * request and fast-check's seed, so it can be replayed.
 */
import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { stringify } from 'qs-esm'

import { paragraphsToLexical } from '../../src/lib/richText'
import { ADMIN, FIRST_SLUG, adminToken, authHeaders, baseUrl, get, getJson, pngBlob, tokenFor, uploadForm } from '../support/http'

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 600)
const runs = (share: number) => Math.max(1, Math.round(TOTAL_RUNS * share))

const marker = randomBytes(6).toString('hex')
const SECRETS = {
  draftHeadline: `Unpublished draft ${marker}`,
  draftStandfirst: `Draft standfirst ${marker}`,
  revisedDraft: `Unpublished revision ${marker}`,
  permissionNote: `Private grant ${marker}`,
}
const CONTRIBUTOR_EMAIL = `fuzz-contributor-${marker}@example.com`

let contributorToken: string
let editorToken: string
const fuzzAuthors: Array<number | string> = []
const created: Array<[string, number | string]> = []

beforeAll(async () => {
  const admin = await adminToken()
  const json = authHeaders(admin, { 'content-type': 'application/json' })
  const post = (path: string, body: unknown, method = 'POST') => fetch(`${baseUrl()}${path}`, { method, headers: json, body: JSON.stringify(body) })
  const expectOk = async (response: Response) => {
    if (!response.ok) throw new Error(`fixture failed: ${response.status} ${await response.text()}`)
    return ((await response.json()) as { doc: { id: number | string } }).doc
  }

  const body = paragraphsToLexical([`Words ${marker}`])
  const draft = await expectOk(await post('/api/articles?draft=true', { headline: SECRETS.draftHeadline, standfirst: SECRETS.draftStandfirst, body, _status: 'draft' }))
  const published = await expectOk(await post('/api/articles', { headline: `Published for fuzzing ${marker}`, body, _status: 'published' }))
  await expectOk(await post(`/api/articles/${published.id}?draft=true`, { headline: SECRETS.revisedDraft, _status: 'draft' }, 'PATCH'))

  const license = (await getJson<{ docs: Array<{ id: number }> }>('/api/licenses?where[spdxId][equals]=CC-BY-4.0')).body.docs[0]!
  const form = uploadForm(await pngBlob(32, 32), `fuzz-${marker}.png`, { alt: 'Fuzz', creator: 'Fuzz', license: license.id, permissionNote: SECRETS.permissionNote })
  const media = await expectOk(await fetch(`${baseUrl()}/api/media`, { method: 'POST', headers: authHeaders(admin), body: form }))
  created.push(['articles', draft.id], ['articles', published.id], ['media', media.id])

  const contributor = await tokenFor('contributor', CONTRIBUTOR_EMAIL)
  const editor = await tokenFor('editor', `fuzz-editor-${marker}@example.com`)
  contributorToken = contributor.token
  editorToken = editor.token
  fuzzAuthors.push(contributor.id, editor.id)
}, 60_000)

afterAll(async () => {
  const admin = await adminToken()
  for (const [collection, id] of created) {
    await fetch(`${baseUrl()}/api/${collection}/${id}`, { method: 'DELETE', headers: authHeaders(admin) })
  }
})

// ---------------------------------------------------------------- generators

const FIELD_PATHS = [
  'id', 'slug', 'headline', 'standfirst', 'body', 'byline', 'heroImage', 'heroImage.id', 'heroImage.width', 'heroImage.license',
  'heroImage.license.spdxId', 'heroImage.permissionNote', 'publishedAt', 'revisedAt', 'corrections', 'corrections.date',
  'corrections.text', '_status', 'author', 'author.email', 'permissionNote', 'filesize', 'width', 'sizes.w320.width', 'license',
  'license.allowsCommercialUse', 'creator', 'credit.text', 'email', 'role', 'hash', 'loginAttempts', 'lockUntil', 'version.headline',
  'version._status', 'version.heroImage', 'parent', 'latest', 'autosave', 'createdAt', 'updatedAt', 'nosuch', 'nosuch.deeper', '', '.', 'a..b',
]
const OPERATORS = [
  'equals', 'not_equals', 'like', 'not_like', 'contains', 'in', 'not_in', 'all', 'greater_than', 'greater_than_equal', 'less_than',
  'less_than_equal', 'exists', 'near', 'within', 'intersects', 'isNull', 'unknownop', '',
]

const scalar = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('true', 'false', 'null', '', 'NaN', 'Infinity', '-0', '1e999', '99999999999999999999', '1.5', '2024-05-16', '2024-05-16T10:00:00.000Z', '2024-13-45', 'yesterday', FIRST_SLUG, 'published', 'draft', '000000000000000000000000', '%', '\u0000', '..', "' OR 1=1 --"),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
)
type Json = string | Json[] | { [key: string]: Json }
const value: fc.Arbitrary<Json> = fc.oneof(
  { weight: 5, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...OPERATORS, 'x'), scalar, { maxKeys: 2 }) },
)

const where: fc.Arbitrary<Json> = fc.letrec<{ where: Json; leaf: Json; group: Json }>((tie) => ({
  where: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('group'), scalar),
  leaf: fc
    .tuple(fc.constantFrom(...FIELD_PATHS), fc.constantFrom(...OPERATORS), value, fc.boolean())
    // The same condition as a dot path or as nested objects (where[heroImage][width][equals]=1).
    .map(([path, operator, operand, nested]) =>
      nested ? path.split('.').reduceRight<Json>((inner, segment) => ({ [segment]: inner }), { [operator]: operand }) : { [path]: { [operator]: operand } },
    ),
  group: fc.tuple(fc.constantFrom('and', 'or', 'AND', 'Or'), fc.array(tie('where'), { maxLength: 3 })).map(([key, list]) => ({ [key]: list })),
})).where

const smallNumber = fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), fc.constantFrom('1000000', '1e3', 'abc', '', '-0', '2.5', '99999999999999999999'))
const fieldName = fc.constantFrom(...FIELD_PATHS)

const queryParams = fc.record(
  {
    where,
    sort: fc.oneof(fieldName.map((field) => field), fieldName.map((field) => `-${field}`), fc.array(fieldName).map((fields) => fields.join(',')), fc.string({ maxLength: 10 })),
    select: fc.dictionary(fieldName, fc.oneof(fc.constantFrom('true', 'false'), scalar), { maxKeys: 3 }),
    populate: fc.dictionary(fc.constantFrom('media', 'licenses', 'users', 'articles', 'nosuch'), fc.dictionary(fieldName, fc.constantFrom('true', 'false', 'x'), { maxKeys: 2 }), { maxKeys: 2 }),
    depth: smallNumber,
    limit: smallNumber,
    page: smallNumber,
    locale: fc.constantFrom('en', 'xx', 'all', '*', '', '../'),
    fallbackLocale: fc.constantFrom('en', 'none', 'null', 'xx'),
    draft: fc.constantFrom('true', 'false', 'yes', '1', ''),
    pagination: fc.constantFrom('true', 'false', 'x'),
    trash: fc.constantFrom('true', 'false'),
    joins: fc.dictionary(fieldName, fc.dictionary(fc.constantFrom('limit', 'sort', 'where'), scalar, { maxKeys: 2 }), { maxKeys: 1 }),
  },
  { requiredKeys: [] },
)

const id = fc.oneof(
  fc.integer({ min: -2, max: 50 }).map(String),
  fc.constantFrom('abc', '1.5', '-1', '0', '1e999', '99999999999999999999999', '0x10', '000000000000000000000000', 'null', 'undefined', '%00', '%zz', '%E0%A4%A', '%C0%80', '..', '%2e%2e', '%2F', 'me', 'count', 'versions', 'file'),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 6 }).map(encodeURIComponent),
)
const fileName = fc.oneof(id, fc.constantFrom(`fuzz-${marker}.png`, 'xi-putin-beijing-stand-in.jpg', '..%2F..%2Fpayload-secret', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'a%00.png', '.', '..'))

const collection = fc.constantFrom('articles', 'media', 'licenses', 'users', 'payload-jobs', 'payload-preferences', 'payload-locked-documents', 'nosuch')
const path = fc.oneof(
  collection,
  fc.tuple(collection, id).map(([slug, each]) => `${slug}/${each}`),
  fc.tuple(collection, fc.constantFrom('versions', 'count', 'me', 'access', 'init')).map(([slug, each]) => `${slug}/${each}`),
  fc.tuple(collection, id).map(([slug, each]) => `${slug}/versions/${each}`),
  fc.tuple(fc.constantFrom('media', 'articles'), fileName).map(([slug, name]) => `${slug}/file/${name}`),
  fc.tuple(fc.constantFrom('site-settings', 'nosuch'), fc.constantFrom('', '/versions'), fc.option(id)).map(([slug, sub, each]) => `globals/${slug}${sub}${each === null ? '' : `/${each}`}`),
)

/** Mostly well-formed query strings, sometimes with raw bytes qs would never produce. */
const restRequest = fc
  .tuple(path, queryParams, fc.option(fc.constantFrom('where=notanobject', 'where[%zz]=1', '%zz=1', 'where[id][in][2000]=1', '&&=&', 'depth[]=1', 'limit[x]=1', 'where[slug][equals]=%FF')))
  .map(([target, params, raw]) => {
    const query = [stringify(params, { encode: true }), raw].filter(Boolean).join('&')
    return `/api/${target}${query ? `?${query}` : ''}`
  })

// GraphQL: documents built from real and made-up names, arguments of every kind, aliases and variables.
const GRAPHQL_SELECTIONS = [
  'id', 'headline', 'slug', '_status', 'standfirst', 'body', 'publishedAt', 'heroImage { id filename permissionNote creator license { spdxId } }',
  'author { id email }', 'corrections { date text }', 'filename', 'permissionNote', 'credit { text html }', 'spdxId', 'email', 'role', 'nosuchfield',
]
const graphqlLiteral: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((number) => (Number.isInteger(number) ? `${number}.5` : String(number))),
  scalar.map((text) => JSON.stringify(text)),
  fc.constantFrom('true', 'false', 'null', '[1, 2]', '["a"]', 'published', '99999999999999999999'),
)
const graphqlWhere: fc.Arbitrary<string> = fc.letrec<{ where: string; leaf: string }>((tie) => ({
  where: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.tuple(fc.constantFrom('AND', 'OR', 'and'), fc.array(tie('where'), { maxLength: 3 })).map(([key, list]) => `{ ${key}: [${list.join(', ')}] }`),
  ),
  leaf: fc
    .tuple(fc.constantFrom(...FIELD_PATHS.map((field) => field.replace(/\./g, '__'))), fc.constantFrom(...OPERATORS), graphqlLiteral)
    .map(([field, operator, literal]) => `{ ${field || 'id'}: { ${operator || 'equals'}: ${literal} } }`),
})).where

const graphqlArgs = fc
  .record(
    { where: graphqlWhere, limit: graphqlLiteral, page: graphqlLiteral, sort: graphqlLiteral, draft: graphqlLiteral, pagination: graphqlLiteral, id: graphqlLiteral, locale: fc.constantFrom('en', 'xx', '"en"') },
    { requiredKeys: [] },
  )
  .map((args) => {
    const list = Object.entries(args).map(([name, literal]) => `${name}: ${literal}`)
    return list.length > 0 ? `(${list.join(', ')})` : ''
  })

const graphqlField = fc
  .tuple(
    fc.constantFrom('Articles', 'Article', 'allMedia', 'Media', 'Licenses', 'License', 'Users', 'User', 'versionsArticles', 'versionArticle', 'SiteSetting', 'meUser', 'countArticles', 'docAccessArticle', 'Nosuch'),
    graphqlArgs,
    fc.subarray(GRAPHQL_SELECTIONS, { minLength: 1, maxLength: 4 }),
    fc.boolean(),
  )
  .map(([root, args, fields, paginated]) => `${root}${args} { ${paginated ? `docs { ${fields.join(' ')} } totalDocs` : fields.join(' ')} }`)

const graphqlRequest = fc
  .tuple(fc.array(graphqlField, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 14 }), fc.option(fc.dictionary(fc.string({ maxLength: 5 }), value, { maxKeys: 2 })))
  .map(([fields, aliases, variables]) => {
    const aliased = Array.from({ length: aliases }, (_, index) => `a${index}: ${fields[0]}`)
    return { query: `query { ${[...fields, ...aliased].join(' ')} }`, variables }
  })

// ---------------------------------------------------------------- checks

type Caller = 'reader' | 'contributor'

/** Strings that must never reach this caller. */
function forbiddenFor(caller: Caller): string[] {
  const always = [ADMIN.email, '"hash":', '"salt":', 'resetPasswordToken']
  if (caller === 'contributor') return always
  return [...always, ...Object.values(SECRETS), CONTRIBUTOR_EMAIL]
}

async function checkAnswer(caller: Caller, description: string, response: Response): Promise<void> {
  const text = await response.text()
  const context = `${caller} ${description} → ${response.status}: ${text.slice(0, 300)}`
  if (response.status >= 500) throw new Error(`5xx for ${context}`)
  // GraphQL reports a resolver's internal error inside a 200: it counts as a 5xx all the same.
  if (text.includes('"statusCode":5')) throw new Error(`an internal error inside the answer for ${context}`)
  if (response.status >= 400) {
    let message: unknown
    try {
      // Payload's format ({ errors: [{ message }] }), or its auth endpoints' ({ message }).
      const body = JSON.parse(text) as { errors?: Array<{ message?: unknown }>; message?: unknown }
      message = body.errors?.[0]?.message ?? body.message
    } catch {
      throw new Error(`a ${response.status} that is not JSON for ${context}`)
    }
    if (typeof message !== 'string' || message.trim() === '') throw new Error(`a ${response.status} without a message for ${context}`)
  }
  for (const secret of forbiddenFor(caller)) {
    if (text.includes(secret)) throw new Error(`"${secret}" leaked to ${context}`)
  }
}

const headersFor = (caller: Caller | 'editor'): Record<string, string> =>
  caller === 'contributor' ? authHeaders(contributorToken) : caller === 'editor' ? authHeaders(editorToken) : {}

// ---------------------------------------------------------------- bodies and headers

/** Where bodies go: every collection's create and update, the site settings, GraphQL. */
const bodyTarget = fc.oneof(
  fc.constantFrom('articles', 'media', 'licenses', 'users').map((collection) => ({ method: 'POST', path: `/api/${collection}` })),
  fc.constantFrom<[string, number]>(['articles', 0], ['articles', 1], ['media', 2]).map(([collection, index]) => ({ method: 'PATCH', path: `/api/${collection}/${created[index]![1]}` })),
  fc.constant({ method: 'POST', path: '/api/globals/site-settings' }),
  fc.constant({ method: 'POST', path: '/api/graphql' }),
)

/** A body the target would accept if it were well-formed. */
function wellFormed(path: string): Record<string, unknown> {
  if (path === '/api/graphql') return { query: 'mutation { createArticle(data: { headline: "Fuzzed", body: {} }) { id } }' }
  return { headline: `Fuzzed ${marker}`, body: paragraphsToLexical(['x']), name: 'Fuzz license', shortName: 'Fuzz', alt: 'Fuzz', email: `fuzzed-${marker}@example.com`, password: 'a long password', _status: 'draft' }
}

const utf8 = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(new TextEncoder().encode(text))
const JSON_TYPE = { 'content-type': 'application/json' }

type BadBody = { kind: string; headers: Record<string, string>; body: Uint8Array<ArrayBuffer> }

const truncatedJson = fc.tuple(fc.nat(), fc.boolean()).map(([cut, shorter]) => (path: string): BadBody => {
  const text = JSON.stringify(wellFormed(path))
  const end = shorter ? 1 + (cut % 3) : 1 + (cut % (text.length - 1))
  return { kind: 'truncated JSON', headers: JSON_TYPE, body: utf8(text.slice(0, end)) }
})
const malformedJson = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('{bad', "{'a':1}", '{"a":}', '[1,]', 'undefined', '{"a":1}}', 'NaN', '{"a":"\\x"}', '\u0000'))
  .filter((text) => {
    try {
      JSON.parse(text)
      return false
    } catch {
      return true
    }
  })
  .map((text) => (): BadBody => ({ kind: 'malformed JSON', headers: JSON_TYPE, body: utf8(text) }))
const deepJson = fc.tuple(fc.integer({ min: 101, max: 20_000 }), fc.boolean(), fc.boolean()).map(([depth, objects, inField]) => (path: string): BadBody => {
  const [open, close] = objects ? ['{"a":', '}'] : ['[', ']']
  const nested = `${open.repeat(depth)}1${close.repeat(depth)}`
  const text = inField ? JSON.stringify(wellFormed(path)).replace(/^\{/, `{"headline":${nested},"query":${nested},`) : nested
  return { kind: `JSON nested ${depth} deep`, headers: JSON_TYPE, body: utf8(text) }
})
const wrongType = fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'APPLICATION/JSON', 'application/json-patch+json', 'multipart/form-data', 'multipart/form-data; boundary=nope', 'image/png', '', 'none')
  .map((type) => (path: string): BadBody => ({ kind: `content type ${JSON.stringify(type)}`, headers: type === 'none' ? {} : { 'content-type': type }, body: utf8(JSON.stringify(wellFormed(path))) }))
const invalidUtf8 = fc.tuple(fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]), fc.nat()).map(([bytes, at]) => (path: string): BadBody => {
  const text = JSON.stringify(wellFormed(path))
  const quote = text.indexOf('"', 1 + (at % (text.length - 2)))
  const split = quote === -1 ? 2 : quote + 1
  const body = new Uint8Array([...utf8(text.slice(0, split)), ...bytes, ...utf8(text.slice(split))])
  return { kind: `bytes ${bytes.map((byte) => byte.toString(16)).join(' ')} inside the JSON`, headers: JSON_TYPE, body }
})
const truncatedForm = fc.tuple(fc.nat(), fc.boolean()).map(([cut, fieldsOnly]) => async (path: string): Promise<BadBody> => {
  const form = new FormData()
  form.append('_payload', JSON.stringify(wellFormed(path)))
  if (!fieldsOnly) form.append('file', new Blob([new Uint8Array(300).fill(7)], { type: 'image/png' }), 'cut.png')
  const whole = new Request('http://x/', { method: 'POST', body: form })
  const bytes = new Uint8Array(await whole.arrayBuffer())
  const contentType = whole.headers.get('content-type')!
  const closing = new TextDecoder().decode(bytes).lastIndexOf(`--${contentType.split('boundary=')[1]}--`)
  return { kind: 'truncated multipart', headers: { 'content-type': contentType }, body: bytes.slice(0, cut % closing) }
})
const badBody = fc.oneof(
  truncatedJson.map((make) => async (path: string) => make(path)),
  malformedJson.map((make) => async () => make()),
  deepJson.map((make) => async (path: string) => make(path)),
  wrongType.map((make) => async (path: string) => make(path)),
  invalidUtf8.map((make) => async (path: string) => make(path)),
  truncatedForm,
)

/**
 * Everything the bodies could have stored, as the admin sees it: articles by the fuzzing accounts,
 * versions of the documents they patch, and anything carrying the names the bodies use (other
 * test files write to the same server at the same time, so whole-collection counts would move).
 */
async function storedCounts(): Promise<Record<string, unknown>> {
  const admin = await adminToken()
  const total = async (path: string, where: Record<string, unknown>) =>
    (await getJson<{ totalDocs: number }>(`/api/${path}?${stringify({ where, limit: 1, depth: 0 })}`, { headers: authHeaders(admin) })).body.totalDocs
  const patched = created.slice(0, 3).map(([, each]) => each)
  const settings = await getJson<{ updatedAt: string }>('/api/globals/site-settings?depth=0', { headers: authHeaders(admin) })
  return {
    articlesByFuzzers: await total('articles', { author: { in: fuzzAuthors } }),
    articlesNamed: await total('articles', { headline: { like: 'Fuzzed' } }),
    articleVersions: await total('articles/versions', { parent: { in: patched.slice(0, 2) } }),
    mediaVersions: await total('media/versions', { parent: { equals: patched[2] } }),
    media: await total('media', { or: [{ alt: { equals: 'Fuzz' } }, { alt: { equals: 'Huge' } }] }),
    licenses: await total('licenses', { name: { equals: 'Fuzz license' } }),
    users: await total('users', { email: { like: 'fuzzed-' } }),
    siteSettings: settings.body.updatedAt,
  }
}

async function expectRefused(caller: Caller | 'editor', description: string, response: Response): Promise<void> {
  const text = await response.text()
  const context = `${caller} ${description} → ${response.status}: ${text.slice(0, 300)}`
  if (response.status < 400 || response.status >= 500) throw new Error(`not a 4xx for ${context}`)
  let message: unknown
  try {
    message = (JSON.parse(text) as { errors?: Array<{ message?: unknown }> }).errors?.[0]?.message
  } catch {
    throw new Error(`a ${response.status} that is not JSON for ${context}`)
  }
  if (typeof message !== 'string' || message.trim() === '') throw new Error(`a ${response.status} without a message for ${context}`)
}

describe('hostile input (property-based)', () => {
  it('knows its secrets: the fixtures are there for someone who may see them', async () => {
    const admin = await adminToken()
    const drafts = await get(`/api/articles?draft=true&where[headline][like]=${marker}&limit=10`, { headers: authHeaders(admin) })
    const text = await drafts.text()
    expect(text).toContain(SECRETS.draftHeadline)
    expect(text).toContain(SECRETS.revisedDraft)
    const media = await get(`/api/media?where[filename][like]=${marker}`, { headers: authHeaders(admin) })
    expect(await media.text()).toContain(SECRETS.permissionNote)
  })

  it.each<[Caller, number]>([
    ['reader', 0.4],
    ['contributor', 0.25],
  ])('REST: no 5xx, JSON 4xx with a message, nothing private (%s)', async (caller, share) => {
    await fc.assert(
      fc.asyncProperty(restRequest, async (url) => {
        await checkAnswer(caller, `GET ${url}`, await get(url, { headers: headersFor(caller) }))
      }),
      { numRuns: runs(share) },
    )
  }, 300_000)

  it.each<[Caller, number]>([
    ['reader', 0.2],
    ['contributor', 0.15],
  ])('GraphQL: no 5xx, JSON 4xx with a message, nothing private (%s)', async (caller, share) => {
    await fc.assert(
      fc.asyncProperty(graphqlRequest, async (body) => {
        const response = await fetch(`${baseUrl()}/api/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headersFor(caller) },
          body: JSON.stringify(body),
        })
        await checkAnswer(caller, `POST /api/graphql ${JSON.stringify(body)}`, response)
      }),
      { numRuns: runs(share) },
    )
  }, 300_000)

  it.each<[Caller | 'editor', number]>([
    ['reader', 0.1],
    ['contributor', 0.1],
    ['editor', 0.1],
  ])('bodies and headers a client gets wrong: a 4xx JSON answer with a message, and nothing stored (%s)', async (caller, share) => {
    const before = await storedCounts()
    await fc.assert(
      fc.asyncProperty(bodyTarget, badBody, async ({ method, path }, make) => {
        const { kind, headers, body } = await make(path)
        const response = await fetch(`${baseUrl()}${path}`, { method, headers: { ...headers, ...headersFor(caller) }, body })
        await expectRefused(caller, `${method} ${path} with ${kind} (${body.length} bytes)`, response)
      }),
      { numRuns: runs(share) },
    )
    expect(await storedCounts()).toEqual(before)
  }, 300_000)

  it('refuses huge bodies with a 413 before reading them all, declared or chunked, and stores nothing', async () => {
    const before = await storedCounts()
    const hugeJson = utf8(JSON.stringify({ headline: 'Huge', standfirst: 'x'.repeat(3 * 1024 * 1024) }))
    const hugeForm = new FormData()
    hugeForm.append('_payload', JSON.stringify({ alt: 'Huge' }))
    hugeForm.append('file', new Blob([new Uint8Array(Number(process.env.TEST_UPLOAD_MAX_BYTES) + 2 * 1024 * 1024)], { type: 'image/png' }), 'huge.png')
    for (const caller of ['reader', 'editor'] as const) {
      for (const path of ['/api/articles', '/api/licenses', '/api/graphql', `/api/articles/${created[0]![1]}`]) {
        const method = path.startsWith('/api/articles/') ? 'PATCH' : 'POST'
        await expectRefused(caller, `${method} ${path} with 3 MB of JSON`, await fetch(`${baseUrl()}${path}`, { method, headers: { ...JSON_TYPE, ...headersFor(caller) }, body: hugeJson }))
        const chunked = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let offset = 0; offset < hugeJson.length; offset += 64 * 1024) controller.enqueue(hugeJson.slice(offset, offset + 64 * 1024))
            controller.close()
          },
        })
        const response = await fetch(`${baseUrl()}${path}`, { method, headers: { ...JSON_TYPE, ...headersFor(caller) }, body: chunked, duplex: 'half' } as RequestInit)
        expect(response.status).toBe(413)
        await expectRefused(caller, `${method} ${path} with 3 MB of chunked JSON`, response)
      }
      const upload = await fetch(`${baseUrl()}/api/media`, { method: 'POST', headers: headersFor(caller), body: hugeForm })
      expect(upload.status).toBe(413)
      await expectRefused(caller, 'POST /api/media with a form over the upload limit', upload)
    }
    expect(await storedCounts()).toEqual(before)
  }, 120_000)

  it('answers the two bodies that used to make a 500, anonymously', async () => {
    const graphql = await fetch(`${baseUrl()}/api/graphql`, { method: 'POST', headers: JSON_TYPE, body: '{bad' })
    expect(graphql.status).toBe(400)
    expect(((await graphql.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/not valid JSON/)
    const form = await fetch(`${baseUrl()}/api/articles`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\nbroken' })
    expect(form.status).toBe(400)
    expect(((await form.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/multipart/)
  })
})
