import { beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from 'drizzle-orm'

import { reindexArticles } from '../../src/domain/search/reindex'
import { sqlRunnerOf } from '../../src/domain/search/sqlRunner'
import { paragraphsToLexical } from '../../src/lib/richText'
import type { Article, User } from '../../src/payload-types'
import { createArticle, createImage, createLicenses, createUser, richText } from '../support/content'
import { headlinesFor, indexedIds, search } from '../support/search'
import { usePayload } from '../support/usePayload'

const payload = usePayload()

type Fixture = { headline: string; standfirst?: string; body: string; publishedAt: string }

/** One set in three scripts; each query's expected order follows the ranking rules. */
const FIXTURES: Fixture[] = [
  { headline: 'Summit opens in Beijing', body: 'Leaders arrived.', publishedAt: '2024-01-01T09:00:00.000Z' },
  { headline: 'Leaders gather', standfirst: 'Two summits in Zürich this week', body: 'Delegations met.', publishedAt: '2024-02-01T09:00:00.000Z' },
  { headline: 'Talks end early', body: 'The summit ended with Putin leaving.', publishedAt: '2024-03-01T09:00:00.000Z' },
  { headline: 'Talks end late', body: 'The summit ended with Putin leaving.', publishedAt: '2024-04-01T09:00:00.000Z' },
  { headline: 'Путин прибыл в Пекин', body: 'Визит начался утром.', publishedAt: '2024-05-01T09:00:00.000Z' },
  { headline: 'Визит в Китай', standfirst: 'Поездка Путина продлится два дня', body: 'Программа обширна.', publishedAt: '2024-05-02T09:00:00.000Z' },
  { headline: 'Переговоры в Пекине', body: 'Си Цзиньпин провёл переговоры с Путиным.', publishedAt: '2024-05-03T09:00:00.000Z' },
  { headline: '习近平会见普京', body: '两国元首举行会谈。', publishedAt: '2024-05-04T09:00:00.000Z' },
  { headline: '中俄会谈', standfirst: '普京抵达北京', body: '访问持续两天。', publishedAt: '2024-05-05T09:00:00.000Z' },
  { headline: '访问中国', body: '俄罗斯总统普京访问中国。', publishedAt: '2024-05-06T09:00:00.000Z' },
]

function publish(fixture: Fixture, more: Partial<Article> = {}): Promise<Article> {
  return createArticle(payload(), { ...fixture, ...more, body: paragraphsToLexical([fixture.body]), _status: 'published' })
}

async function publishedIds(): Promise<number[]> {
  const { docs } = await payload().find({ collection: 'articles', where: { _status: { equals: 'published' } }, pagination: false, depth: 0, sort: 'id' })
  return docs.map((doc) => doc.id)
}

beforeAll(async () => {
  for (const fixture of FIXTURES) await publish(fixture)
})

describe('ranking: headline, then standfirst only, then body only; newer wins ties', () => {
  it('Latin, with inflections and diacritics folded', async () => {
    expect(await headlinesFor(payload(), 'summit')).toEqual(['Summit opens in Beijing', 'Leaders gather', 'Talks end late', 'Talks end early'])
    expect(await headlinesFor(payload(), 'Putin')).toEqual(['Talks end late', 'Talks end early'])
    expect(await headlinesFor(payload(), 'zurich')).toEqual(['Leaders gather'])
  })

  it('Cyrillic: Путин finds Путина and Путиным, in any case', async () => {
    expect(await headlinesFor(payload(), 'Путин')).toEqual(['Путин прибыл в Пекин', 'Визит в Китай', 'Переговоры в Пекине'])
    expect(await headlinesFor(payload(), 'ПЕКИН')).toEqual(['Путин прибыл в Пекин', 'Переговоры в Пекине'])
    expect(await headlinesFor(payload(), 'Си Цзиньпин')).toEqual(['Переговоры в Пекине'])
  })

  it('Chinese: two-character, three-character and one-character queries', async () => {
    expect(await headlinesFor(payload(), '普京')).toEqual(['习近平会见普京', '中俄会谈', '访问中国'])
    expect(await headlinesFor(payload(), '习近平')).toEqual(['习近平会见普京'])
    expect(await headlinesFor(payload(), '北京')).toEqual(['中俄会谈'])
    expect(await headlinesFor(payload(), '京')).toEqual(['习近平会见普京', '中俄会谈', '访问中国'])
    expect(await headlinesFor(payload(), '普京 中国')).toEqual(['访问中国'])
  })

  it('counts every match and pages through them without overlap', async () => {
    const first = await search(payload(), 'summit', { limit: 3 })
    const second = await search(payload(), 'summit', { limit: 3, page: 2 })
    expect(first).toMatchObject({ totalDocs: 4, totalPages: 2, page: 1, hasNextPage: true, nextPage: 2 })
    expect(second.docs.map((doc) => [doc.headline, doc.rank])).toEqual([['Talks end early', 4]])
    expect(first.docs.map((doc) => doc.rank)).toEqual([1, 2, 3])
  })

  it('pages of one result cross the tiers in the order of one page of all', async () => {
    for (const text of ['summit', 'Путин', '普京', 'summit ended']) {
      const all = (await search(payload(), text)).docs.map((doc) => doc.headline)
      const oneByOne: string[] = []
      for (let page = 1; page <= all.length + 1; page += 1) oneByOne.push(...(await search(payload(), text, { limit: 1, page })).docs.map((doc) => doc.headline))
      expect(all.length).toBeGreaterThan(1)
      expect(oneByOne).toEqual(all)
    }
  })

  it('reads only the fields asked for (the body always, for the excerpt)', async () => {
    const [doc] = (await search(payload(), 'Putin', { select: { headline: true } })).docs
    expect(Object.keys(doc!).sort()).toEqual(['body', 'excerpt', 'headline', 'id', 'rank'])
    expect(doc!.excerpt).toBe('The summit ended with <mark>Putin</mark> leaving.')
  })

  it('gives a whole result as the articles API gives the article, with its rank and excerpt', async () => {
    const editor = await createUser(payload(), 'editor')
    for (const user of [null, { ...editor, collection: 'users' as const }]) {
      const [doc] = (await search(payload(), 'Putin', user ? { user } : {})).docs
      const { rank, excerpt, ...article } = doc!
      expect({ rank, excerpt }).toEqual({ rank: 1, excerpt: 'The summit ended with <mark>Putin</mark> leaving.' })
      expect(article).toEqual(await payload().findByID({ collection: 'articles', id: doc!.id, depth: 0, draft: false, overrideAccess: false, user }))
    }
  })

  it('marks the matched words in an excerpt of the body', async () => {
    const [late] = (await search(payload(), 'putin')).docs
    expect(late!.excerpt).toBe('The summit ended with <mark>Putin</mark> leaving.')
    const [chinese] = (await search(payload(), '普京 中国')).docs
    expect(chinese!.excerpt).toBe('俄罗斯总统<mark>普京</mark>访问<mark>中国</mark>。')
  })
})

describe('phrases', () => {
  it('finds words side by side, in that order only', async () => {
    expect(await headlinesFor(payload(), '"summit ended"')).toEqual(['Talks end late', 'Talks end early'])
    expect(await headlinesFor(payload(), '"ended summit"')).toEqual([])
    expect(await headlinesFor(payload(), '"переговоры с путиным"')).toEqual(['Переговоры в Пекине'])
    expect(await headlinesFor(payload(), '"会见普京"')).toEqual(['习近平会见普京'])
  })

  it('matches a phrase exactly: no prefixes inside quotes', async () => {
    expect(await headlinesFor(payload(), '"summits"')).toEqual(['Leaders gather'])
    expect(await headlinesFor(payload(), '"summi"')).toEqual([])
  })
})

describe('nothing unpublished reaches results, excerpts or counts', () => {
  let contributor: User

  beforeAll(async () => {
    await createUser(payload(), 'admin')
    contributor = await createUser(payload(), 'contributor')
  })

  it('a draft, even the caller’s own', async () => {
    await createArticle(payload(), { headline: 'Secret quokka plans', body: paragraphsToLexical(['quokka']), _status: 'draft' }, contributor)
    for (const user of [undefined, contributor]) {
      expect(await search(payload(), 'quokka', { user })).toMatchObject({ totalDocs: 0, docs: [] })
    }
  })

  it('unpublished changes to a published article: the published text stays searchable, the draft text is not', async () => {
    const article = await publish({ headline: 'Harbour reopens', body: 'The harbour reopened today.', publishedAt: '2024-06-01T09:00:00.000Z' })
    await payload().update({ collection: 'articles', id: article.id, data: { body: paragraphsToLexical(['The harbour reopened with wombat guards.']) }, draft: true })
    await payload().update({ collection: 'articles', id: article.id, data: { standfirst: 'Wombat news' }, draft: true, autosave: true })
    for (const user of [undefined, contributor]) {
      expect(await search(payload(), 'wombat', { user })).toMatchObject({ totalDocs: 0, docs: [] })
      const { docs } = await search(payload(), 'harbour', { user })
      expect(docs.map((doc) => doc.excerpt)).toEqual(['The <mark>harbour</mark> reopened today.'])
      expect(JSON.stringify(docs)).not.toMatch(/wombat|searchBody|search_body/i)
    }
  })
})

describe('the index follows publishing exactly', () => {
  it('publish, edit, unpublish, republish, delete', async () => {
    const article = await createArticle(payload(), { headline: 'Lighthouse keepers', body: paragraphsToLexical(['Keepers of the light.']), _status: 'draft' })
    expect(await indexedIdsOf()).toEqual(await publishedIds())
    expect(await headlinesFor(payload(), 'lighthouse')).toEqual([])

    await payload().update({ collection: 'articles', id: article.id, data: { _status: 'published' } })
    expect(await headlinesFor(payload(), 'lighthouse')).toEqual(['Lighthouse keepers'])

    await payload().update({ collection: 'articles', id: article.id, data: { headline: 'Foghorn keepers', _status: 'published' } })
    expect(await headlinesFor(payload(), 'lighthouse')).toEqual([])
    expect(await headlinesFor(payload(), 'foghorn')).toEqual(['Foghorn keepers'])

    await payload().update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })
    expect(await headlinesFor(payload(), 'foghorn')).toEqual([])
    expect(await indexedIdsOf()).toEqual(await publishedIds())

    await payload().update({ collection: 'articles', id: article.id, data: { _status: 'published' } })
    expect(await headlinesFor(payload(), 'foghorn')).toEqual(['Foghorn keepers'])

    await payload().delete({ collection: 'articles', id: article.id })
    expect(await headlinesFor(payload(), 'foghorn')).toEqual([])
    expect(await indexedIdsOf()).toEqual(await publishedIds())
  })

  it('a scheduled publish indexes the latest draft when its job runs, not before', async () => {
    const article = await createArticle(payload(), { headline: 'Embargoed eclipse', body: paragraphsToLexical(['Totality at noon.']), _status: 'draft' })
    await payload().update({ collection: 'articles', id: article.id, data: { body: paragraphsToLexical(['Totality at noon, corona visible.']) }, draft: true })
    await payload().jobs.queue({ task: 'schedulePublish', waitUntil: new Date(Date.now() - 1000), input: { type: 'publish', doc: { relationTo: 'articles', value: article.id } } })
    expect(await headlinesFor(payload(), 'corona')).toEqual([])
    await payload().jobs.run({ allQueues: true })
    expect(await headlinesFor(payload(), 'corona')).toEqual(['Embargoed eclipse'])
    expect(await indexedIdsOf()).toEqual(await publishedIds())
  })

  it('reindex rebuilds an emptied index from the published articles only', async () => {
    const runner = sqlRunnerOf(payload())!
    await runner.run(sql`UPDATE articles SET search_headline = NULL, search_standfirst = NULL, search_body = NULL`)
    expect(await headlinesFor(payload(), 'summit')).toEqual([])
    const report = await reindexArticles(payload())
    expect(report.published).toBe((await publishedIds()).length)
    expect(await indexedIdsOf()).toEqual(await publishedIds())
    expect(await headlinesFor(payload(), 'summit')).toEqual(['Summit opens in Beijing', 'Leaders gather', 'Talks end late', 'Talks end early'])
    expect(await headlinesFor(payload(), 'quokka')).toEqual([])
  })
})

describe('answers kept for anonymous readers (depth 0) follow every change readers can see', () => {
  const findOne = async (word: string, options: { user?: User } = {}) => (await search(payload(), word, options)).docs

  it('serves a repeated query from memory, and a signed-in caller never from it', async () => {
    await publish({ headline: 'Kept puffin report', body: 'Puffins nest.', publishedAt: '2024-07-01T09:00:00.000Z' })
    const first = await search(payload(), 'puffin')
    expect(await search(payload(), 'puffin')).toBe(first)
    const editor = await createUser(payload(), 'editor')
    expect(await search(payload(), 'puffin', { user: editor })).not.toBe(await search(payload(), 'puffin', { user: editor }))
  })

  it('a new slug, date or correction, none of which the index holds', async () => {
    const article = await publish({ headline: 'Kept gannet report', body: 'Gannets dive.', publishedAt: '2024-07-02T09:00:00.000Z' })
    expect(await findOne('gannet')).toMatchObject([{ slug: article.slug, corrections: [] }])
    await payload().update({ collection: 'articles', id: article.id, data: { slug: 'gannets-dive', _status: 'published' } })
    expect(await findOne('gannet')).toMatchObject([{ slug: 'gannets-dive' }])
    await payload().update({ collection: 'articles', id: article.id, data: { publishedAt: '2024-07-03T09:00:00.000Z', _status: 'published' } })
    expect(await findOne('gannet')).toMatchObject([{ publishedAt: '2024-07-03T09:00:00.000Z' }])
    await payload().update({ collection: 'articles', id: article.id, data: { corrections: [{ date: '2024-07-04T09:00:00.000Z', text: 'Gannets dive deeper.' }], _status: 'published' } })
    expect(await findOne('gannet')).toMatchObject([{ corrections: [{ text: 'Gannets dive deeper.' }] }])
  })

  it('an image deleted under a published article: its lead image (a column of its row) and a body image (a relationship)', async () => {
    const license = (await createLicenses(payload())).get('CC-BY-4.0')!
    const [lead, inBody] = [await createImage(payload(), license), await createImage(payload(), license)]
    const body = richText.body(richText.paragraph('Skuas chase.'), richText.image(inBody.id))
    await createArticle(payload(), { headline: 'Kept skua report', heroImage: lead.id, body, publishedAt: '2024-07-05T09:00:00.000Z', _status: 'published' })
    expect(await findOne('skua')).toMatchObject([{ heroImage: lead.id, bodyImages: [inBody.id] }])
    await payload().delete({ collection: 'media', id: lead.id })
    expect(await findOne('skua')).toMatchObject([{ heroImage: null, bodyImages: [inBody.id] }])
    await payload().delete({ collection: 'media', id: inBody.id })
    expect(await findOne('skua')).toMatchObject([{ heroImage: null, bodyImages: [] }])
  })

  it('a draft save of a published article changes nothing readers see, and no answer', async () => {
    const article = await publish({ headline: 'Kept tern report', body: 'Terns migrate.', publishedAt: '2024-07-06T09:00:00.000Z' })
    const first = await search(payload(), 'tern')
    await payload().update({ collection: 'articles', id: article.id, data: { headline: 'Kept tern draft' }, draft: true })
    expect(await search(payload(), 'tern')).toBe(first)
  })
})

async function indexedIdsOf(): Promise<number[]> {
  return indexedIds(payload())
}
