import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { paragraphsToLexical } from '../../src/lib/richText'
import { adminToken, authHeaders, baseUrl, get, getCached, pngBlob, uploadForm, type Doc } from '../support/http'

/** Its own license, image and article, so other test files running meanwhile are unaffected. */
const SLUG = 'revalidation-test-article'
let token: string
const ids: Record<'license' | 'media' | 'article', number | string | undefined> = { license: undefined, media: undefined, article: undefined }

async function send(method: string, path: string, body: unknown): Promise<{ status: number; doc: Doc }> {
  const isForm = body instanceof FormData
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: authHeaders(token, isForm ? {} : { 'content-type': 'application/json' }),
    body: isForm ? body : JSON.stringify(body),
  })
  const json = (await response.json()) as { doc: Doc }
  return { status: response.status, doc: json.doc }
}

async function pages(): Promise<[string, string]> {
  const [article, front] = await Promise.all([get(`/articles/${SLUG}`), get('/')])
  return [await article.text(), await front.text()]
}

beforeAll(async () => {
  token = await adminToken()
  ids.license = (
    await send('POST', '/api/licenses', { name: 'Creative Commons Attribution 3.0 Unported', shortName: 'Test licence v1', spdxId: 'CC-BY-3.0', deedUrl: 'https://creativecommons.org/licenses/by/3.0/', allowsCommercialUse: true, allowsModification: true })
  ).doc.id
  const form = uploadForm(await pngBlob(800, 450), 'revalidation.png', { alt: 'Test image', caption: 'First caption.', creator: 'Test Creator', license: ids.license })
  ids.media = (await send('POST', '/api/media', form)).doc.id
  const article = await send('POST', '/api/articles', {
    headline: 'Revalidation test article',
    slug: SLUG,
    standfirst: 'First standfirst.',
    heroImage: ids.media,
    body: paragraphsToLexical(['Body.']),
    _status: 'published',
  })
  expect(article.status).toBe(201)
  ids.article = article.doc.id
  // Rendered and cached before anything changes.
  await pages()
})

afterAll(async () => {
  for (const [collection, id] of [['articles', ids.article], ['media', ids.media], ['licenses', ids.license]] as const) {
    if (id !== undefined) await fetch(`${baseUrl()}/api/${collection}/${id}`, { method: 'DELETE', headers: authHeaders(token) })
  }
})

describe('pages follow content changes without a rebuild', () => {
  it('serves the article page from the response cache while nothing changes', async () => {
    const response = await getCached(`/articles/${SLUG}`)
    expect(response.status).toBe(200)
  })

  it('shows a renamed license on the article page and the front page', async () => {
    expect((await send('PATCH', `/api/licenses/${ids.license}`, { shortName: 'Test licence v2' })).status).toBe(200)
    const [articleHtml, frontHtml] = await pages()
    expect(articleHtml).toContain('>Test licence v2</a>')
    expect(frontHtml).toContain('>Test licence v2</a>')
  })

  it('shows a changed image caption', async () => {
    expect((await send('PATCH', `/api/media/${ids.media}`, { caption: 'Second caption.' })).status).toBe(200)
    const [articleHtml] = await pages()
    expect(articleHtml).toContain('Second caption.')
  })

  it('shows a published edit to the article', async () => {
    expect((await send('PATCH', `/api/articles/${ids.article}`, { standfirst: 'Second standfirst.', _status: 'published' })).status).toBe(200)
    const [articleHtml, frontHtml] = await pages()
    expect(articleHtml).toContain('Second standfirst.')
    expect(frontHtml).toContain('Second standfirst.')
  })

  it('does not show a draft edit to readers, on the site or in the API', async () => {
    expect((await send('PATCH', `/api/articles/${ids.article}?draft=true`, { standfirst: 'Draft standfirst.', _status: 'draft' })).status).toBe(200)
    const [articleHtml] = await pages()
    expect(articleHtml).toContain('Second standfirst.')
    expect(articleHtml).not.toContain('Draft standfirst.')
    const api = (await (await get(`/api/articles?where[slug][equals]=${SLUG}`)).json()) as { docs: Doc[] }
    expect(api.docs[0]!.standfirst).toBe('Second standfirst.')
  })

  it('removes an unpublished article from the site', async () => {
    expect((await send('PATCH', `/api/articles/${ids.article}`, { _status: 'draft' })).status).toBe(200)
    const [articleResponse, front] = await Promise.all([get(`/articles/${SLUG}`), get('/')])
    expect(articleResponse.status).toBe(404)
    expect(await front.text()).not.toContain('Revalidation test article')
  })
})
