import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import Parser from 'rss-parser'

import { adminToken, authHeaders, baseUrl, get, getJson, pngBlob, uploadForm, creditPageListing, type Doc } from '../support/http'
import { richText } from '../support/content'

/** An image placed in an article's body, and links to other articles, as readers and machines get them. */
type MediaNode = { $: Record<string, string>; 'media:credit'?: string[] }

const BODY_CREATOR = 'Body Photographer Ωмега'
const SECRET_SLUG = 'body-links-secret-draft'
const SECRET_HEADLINE = 'An unpublished scoop about body links'
let token: string
const created: Array<[string, number | string]> = []
let image: Doc
let published: Doc
let article: Doc
let html: string

const json = () => authHeaders(token, { 'content-type': 'application/json' })

async function upload(name: string, spdxId: string, alt: string): Promise<Doc> {
  const license = (await getJson<{ docs: Doc[] }>(`/api/licenses?where[spdxId][equals]=${spdxId}`)).body.docs[0]!
  const form = uploadForm(await pngBlob(480, 320, '#2a6'), name, { alt, caption: `Caption of ${alt}`, creator: BODY_CREATOR, creatorUrl: 'https://photographer.example/', license: license.id })
  const response = await fetch(`${baseUrl()}/api/media`, { method: 'POST', headers: authHeaders(token), body: form })
  expect(response.status).toBe(201)
  const { doc } = (await response.json()) as { doc: Doc }
  created.push(['media', doc.id])
  return doc
}

async function createArticle(data: Doc, draft = false): Promise<Response> {
  const response = await fetch(`${baseUrl()}/api/articles${draft ? '?draft=true' : ''}`, { method: 'POST', headers: json(), body: JSON.stringify(data) })
  if (response.status === 201) {
    const body = (await response.clone().json()) as { doc: Doc }
    created.push(['articles', body.doc.id])
  }
  return response
}

beforeAll(async () => {
  token = await adminToken()
  image = await upload('body-photo.png', 'CC-BY-4.0', 'A photo in the body')
  published = (await (await createArticle({ headline: 'An earlier body-links story', slug: 'body-links-earlier', body: richText.body(richText.paragraph('Earlier.')), _status: 'published' })).json()).doc
  const secret = (await (await createArticle({ headline: SECRET_HEADLINE, slug: SECRET_SLUG, body: richText.body(richText.paragraph('Not yet.')), _status: 'draft' }, true)).json()).doc
  const body = richText.body(
    richText.paragraph('As ', richText.articleLink(published.id, 'reported earlier'), ', and as ', richText.articleLink(secret.id, 'we will report'), '.'),
    richText.image(image.id),
    richText.paragraph('The end.'),
  )
  const response = await createArticle({ headline: 'A story with a photo in its body', slug: 'body-photo-story', body, _status: 'published' })
  expect(response.status).toBe(201)
  article = ((await response.json()) as { doc: Doc }).doc
  html = await (await get(`/articles/${article.slug}`)).text()
})

afterAll(async () => {
  for (const [collection, id] of created.reverse()) await fetch(`${baseUrl()}/api/${collection}/${id}`, { method: 'DELETE', headers: authHeaders(token) })
})

describe('publishing with an image in the body over REST', () => {
  it('answers 400 naming the image when its license forbids the use, as for the lead image', async () => {
    const nc = await upload('body-nc.png', 'CC-BY-NC-4.0', 'A non-commercial body photo')
    const response = await createArticle({ headline: 'NC body', slug: 'nc-body', body: richText.body(richText.image(nc.id)), _status: 'published' })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe(
      'This article cannot be published: its image “A non-commercial body photo” (body-nc.png) may not be used here. ' +
        "The image's license (CC BY-NC 4.0) forbids commercial use, and this publication is commercial. You can still save it as a draft.",
    )
  })

  it('releases the body image on publish: anonymous readers fetch its record and its file', async () => {
    expect((await get(`/api/media/${image.id}`)).status).toBe(200)
    const file = await get(new URL(image.url as string, baseUrl()).pathname)
    expect(file.status).toBe(200)
  })
})

describe('the article page', () => {
  it('shows the body image as the lead image is shown: <picture> in a figure, caption and credit', () => {
    const figure = /<div class="article__body">.*?(<figure class="figure">.*?<\/figure>)/s.exec(html)?.[1] ?? ''
    expect(figure).toMatch(/<picture><source type="image\/avif" srcSet="[^"]*body-photo[^"]*"/)
    expect(figure).toContain('alt="A photo in the body"')
    expect(figure).toContain('<span class="caption">Caption of A photo in the body</span>')
    expect(figure).toMatch(new RegExp(`<small class="credit">.*<a href="https://photographer.example/"[^>]*>${BODY_CREATOR}</a>.*rel="license">CC BY 4.0</a>`))
  })

  it('links a published article same-origin, and shows an unpublished one as plain text, leaking nothing of it', () => {
    expect(html).toContain(`<a href="/articles/${published.slug}">reported earlier</a>`)
    expect(html).toContain('we will report')
    expect(html).not.toContain(SECRET_SLUG)
    expect(html).not.toContain(SECRET_HEADLINE)
  })

  it('lists the body image in the JSON-LD image list with its license', () => {
    const [data] = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Doc)
    expect(data!.image).toEqual([
      expect.objectContaining({ '@type': 'ImageObject', contentUrl: expect.stringMatching(/\/api\/media\/file\/body-photo\.png\?v=/), license: 'https://creativecommons.org/licenses/by/4.0/', creator: expect.objectContaining({ name: BODY_CREATOR }) }),
    ])
  })
})

describe('credits and feeds', () => {
  it('lists the body image on /credits with the article using it', async () => {
    const credits = await (await get('/credits')).text()
    expect(credits).toContain(`>${BODY_CREATOR}</a>`)
    expect(await creditPageListing(credits, article.slug)).toContain(`<a href="/articles/${article.slug}">A story with a photo in its body</a>`)
  })

  it('carries the body image with its credit in the feeds', async () => {
    const parser = new Parser<Record<string, unknown>, { link: string; media?: MediaNode[] }>({ customFields: { item: [['media:content', 'media', { keepArray: true }]] } })
    const feed = await parser.parseString(await (await get('/feed.xml')).text())
    const item = feed.items.find((entry) => entry.link === `${baseUrl()}/articles/${article.slug}`)
    expect(item?.media?.map((node) => [node.$.url, node['media:credit']])).toEqual([[expect.stringContaining('/api/media/file/body-photo'), [BODY_CREATOR]]])
    const jsonFeed = (await (await get('/feed.json')).json()) as { items: Array<{ url: string; _image_credits?: Array<{ creator: string }> }> }
    expect(jsonFeed.items.find((entry) => entry.url === `${baseUrl()}/articles/${article.slug}`)?._image_credits).toEqual([expect.objectContaining({ creator: BODY_CREATOR })])
  })
})

describe('the API gives anonymous readers the body, and nothing of what they may not see', () => {
  it('REST: the body image populated, the published link populated, the unpublished one an id only', async () => {
    const response = await get(`/api/articles?where[slug][equals]=${article.slug}&depth=2`)
    const text = await response.text()
    expect(text).not.toContain(SECRET_SLUG)
    expect(text).not.toContain(SECRET_HEADLINE)
    const doc = (JSON.parse(text) as { docs: Doc[] }).docs[0]!
    expect(doc.body.root.children[1].value).toMatchObject({ id: image.id, credit: { text: expect.stringContaining(BODY_CREATOR) } })
    expect(doc.bodyImages).toEqual([image.id])
  })

  it('GraphQL: the same', async () => {
    const response = await fetch(`${baseUrl()}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ Articles(where: { slug: { equals: "${article.slug}" } }) { docs { body(depth: 2) } } }` }),
    })
    const text = await response.text()
    expect(response.status).toBe(200)
    expect(text).toContain('reported earlier')
    expect(text).not.toContain(SECRET_SLUG)
    expect(text).not.toContain(SECRET_HEADLINE)
  })
})
