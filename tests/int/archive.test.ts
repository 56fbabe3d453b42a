import { beforeAll, describe, expect, it } from '@jest/globals'
import type { GetServerSideProps, GetServerSidePropsContext } from 'next'
import type { Payload } from 'payload'

import { registerPurgeTarget } from '../../src/lib/cache/purge'
import type { ListPageData } from '../../src/lib/pages/listPages'
import { paragraphsToLexical } from '../../src/lib/richText'
import type { Author, Section } from '../../src/payload-types'
import { createArticle, createImage, createLicenses, createUser, richText } from '../support/content'
import { usePayload } from '../support/usePayload'

// A small page size, so a few dozen articles make many pages.
const SIZE = 5
process.env.LIST_PAGE_SIZE = String(SIZE)

const payload = usePayload()

type Answer = { status: number; headers: Record<string, string>; props?: { page?: ListPageData; notFound?: true; sections?: unknown }; redirect?: { destination: string; statusCode: number } }

/** Runs a page's getServerSideProps as Next would for an anonymous GET, counting the articles it reads. */
async function render(getServerSideProps: GetServerSideProps, path: string, params: Record<string, string> = {}): Promise<Answer & { read: number }> {
  const headers: Record<string, string> = {}
  const res = { statusCode: 200, setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value), getHeader: (name: string) => headers[name.toLowerCase()] }
  const instance: Payload = payload()
  const find = instance.find.bind(instance)
  let read = 0
  instance.find = (async (args: Parameters<Payload['find']>[0]) => {
    const found = await find(args)
    if (args.collection === 'articles') read += found.docs.length
    return found
  }) as Payload['find']
  try {
    const context = { params, query: {}, resolvedUrl: path, req: { headers: {} }, res } as unknown as GetServerSidePropsContext
    const result = (await getServerSideProps(context)) as { props?: Answer['props']; redirect?: Answer['redirect'] }
    return { status: res.statusCode, headers, read, ...result }
  } finally {
    instance.find = find
  }
}

const slugs = (answer: Answer) => answer.props?.page?.articles.map((article) => article.slug) ?? []
const pages = {
  front: () => import('../../src/pages/index'),
  numbered: () => import('../../src/pages/page/[page]'),
  section: () => import('../../src/pages/sections/[slug]/index'),
  sectionPage: () => import('../../src/pages/sections/[slug]/page/[page]'),
  author: () => import('../../src/pages/authors/[slug]/index'),
  month: () => import('../../src/pages/archive/[year]/[month]/index'),
  year: () => import('../../src/pages/archive/[year]/index'),
  image: () => import('../../src/pages/credits/[image]/index'),
}

let world: Section
let politics: Section
let anna: Author
/** Oldest first: story-0 … story-22, one a day from 2 January 2024 (UTC, 23:30). */
const TOTAL = 23
const bySlugOrder: string[] = []

beforeAll(async () => {
  await createUser(payload(), 'admin')
  world = await payload().create({ collection: 'sections', data: { name: 'World', slug: 'world' } })
  politics = await payload().create({ collection: 'sections', data: { name: 'Politics', slug: 'politics' } })
  anna = await payload().create({ collection: 'authors', data: { name: 'Anna Petrova', slug: 'anna-petrova', bio: 'Moscow correspondent.' } })
  for (let n = 0; n < TOTAL; n += 1) {
    const slug = `day-${String(n).padStart(2, '0')}`
    bySlugOrder.push(slug)
    await createArticle(payload(), {
      slug,
      headline: `Day ${n}`,
      publishedAt: new Date(Date.UTC(2024, 0, 2 + n, 23, 30)).toISOString(),
      section: n % 2 === 0 ? world.id : politics.id,
      authors: n % 3 === 0 ? [anna.id] : [],
      _status: 'published',
    })
  }
  await createArticle(payload(), { slug: 'a-draft', section: world.id, authors: [anna.id], publishedAt: '2024-01-10T00:00:00.000Z', _status: 'draft' })
}, 300_000)

describe('the front page and the numbered archive', () => {
  it('shows the two newest pages, reads no more than it shows, and leads to the page below', async () => {
    const { getServerSideProps } = await pages.front()
    const answer = await render(getServerSideProps, '/')
    // 23 articles in pages of 5: page 5 holds 3, page 4 holds 5. The landing shows both.
    expect(slugs(answer)).toEqual(bySlugOrder.slice(15).reverse())
    expect(answer.read).toBe(8)
    expect(answer.props?.page?.older).toBe('/page/3')
    expect(answer.headers['surrogate-key']?.split(' ')).toEqual(expect.arrayContaining(['list:all', 'site']))
  })

  it('numbers pages from the oldest, each with exactly its own articles, and 404 past the end', async () => {
    const { getServerSideProps } = await pages.numbered()
    const first = await render(getServerSideProps, '/page/1', { page: '1' })
    expect(slugs(first)).toEqual(bySlugOrder.slice(0, 5).reverse())
    expect(first.read).toBe(SIZE)
    expect(first.props?.page).toMatchObject({ position: 'Page 1 of 5', older: null, newer: '/page/2' })
    expect(first.headers['surrogate-key']?.split(' ')).toEqual(expect.arrayContaining(['list:all:1', 'list:all:pages']))
    const past = await render(getServerSideProps, '/page/6', { page: '6' })
    expect(past.status).toBe(404)
    expect(past.headers['surrogate-key']).toContain('list:all:6')
    for (const bad of ['0', '01', 'x']) expect((await render(getServerSideProps, `/page/${bad}`, { page: bad })).status).toBe(404)
  })

  it('keeps a page’s articles when a new article is published', async () => {
    const { getServerSideProps } = await pages.numbered()
    const before = slugs(await render(getServerSideProps, '/page/2', { page: '2' }))
    const recorded: string[][] = []
    const unregister = registerPurgeTarget('archive-test', (tags) => void recorded.push(tags))
    try {
      await createArticle(payload(), { slug: 'breaking', section: world.id, publishedAt: new Date().toISOString(), _status: 'published' })
    } finally {
      unregister()
    }
    expect(slugs(await render(getServerSideProps, '/page/2', { page: '2' }))).toEqual(before)
    // Each tag once: on PostgreSQL a change purges again when its transaction commits.
    const tags = [...new Set(recorded.flat())]
    // The newest page of each list it joined, never the pages below.
    expect(tags).toEqual(expect.arrayContaining(['list:all', 'list:all:5', `list:section-${world.id}`]))
    expect(tags.filter((tag) => /^list:all:\d+$/.test(tag))).toEqual(['list:all:5'])
  })
})

describe('sections, authors and months', () => {
  it('lists a section’s published articles only, with its own feeds in the head', async () => {
    const { getServerSideProps } = await pages.section()
    const answer = await render(getServerSideProps, '/sections/politics', { slug: 'politics' })
    expect(slugs(answer).every((slug) => Number(slug.slice(4)) % 2 === 1)).toBe(true)
    expect(answer.read).toBe(slugs(answer).length)
    expect(answer.props?.page?.name).toBe('Politics')
    const head = (answer.props as { head: { feeds: Array<{ href: string }> } }).head
    expect(head.feeds[0]!.href).toMatch(/\/sections\/politics\/feed\.xml$/)
    expect((await render(getServerSideProps, '/sections/nowhere', { slug: 'nowhere' })).status).toBe(404)
  })

  it('pages a section from its oldest article too', async () => {
    const { getServerSideProps } = await pages.sectionPage()
    const answer = await render(getServerSideProps, '/sections/world/page/1', { slug: 'world', page: '1' })
    expect(slugs(answer)).toEqual(['day-08', 'day-06', 'day-04', 'day-02', 'day-00'])
  })

  it('shows an author’s profile and articles, never a draft, an e-mail address or a role', async () => {
    const { getServerSideProps } = await pages.author()
    const answer = await render(getServerSideProps, '/authors/anna-petrova', { slug: 'anna-petrova' })
    expect(answer.props?.page?.profile).toMatchObject({ name: 'Anna Petrova', bio: 'Moscow correspondent.' })
    expect(slugs(answer)).not.toContain('a-draft')
    expect(slugs(answer).every((slug) => Number(slug.slice(4)) % 3 === 0)).toBe(true)
    expect(JSON.stringify(answer.props)).not.toMatch(/@example\.com|"role"|"email"/)
  })

  it('files articles by the month of the publication’s time zone', async () => {
    // 31 January 22:30 UTC is 1 February 01:30 in Moscow.
    await createArticle(payload(), { slug: 'month-edge', publishedAt: '2024-01-31T22:30:00.000Z', _status: 'published' })
    const { getServerSideProps } = await pages.month()
    const month = async (number: string) => slugs(await render(getServerSideProps, `/archive/2024/${number}`, { year: '2024', month: number }))
    expect(await month('01')).toContain('month-edge')
    expect(await month('02')).toEqual([])
    await payload().updateGlobal({ slug: 'site-settings', data: { timeZone: 'Europe/Moscow' } })
    try {
      expect(await month('01')).not.toContain('month-edge')
      expect(await month('02')).toEqual(['month-edge'])
    } finally {
      await payload().updateGlobal({ slug: 'site-settings', data: { timeZone: 'UTC' } })
    }
    expect((await render(getServerSideProps, '/archive/2024/13', { year: '2024', month: '13' })).status).toBe(404)
  })

  it('leads each month to the nearest months with published articles, and purges those when a month fills or empties', async () => {
    const { getServerSideProps } = await pages.month()
    const around = async (year: string, month: string) => (await render(getServerSideProps, `/archive/${year}/${month}`, { year, month })).props?.page?.months
    const link = (name: string, path: string) => ({ name, path })
    await createArticle(payload(), { slug: 'autumn-2022', publishedAt: '2022-10-15T12:00:00.000Z', _status: 'published' })
    // A draft's month is no neighbour.
    await createArticle(payload(), { slug: 'draft-2023', publishedAt: '2023-03-05T12:00:00.000Z', _status: 'draft' })
    expect(await around('2022', '10')).toEqual({ earlier: null, later: link('January 2024', '/archive/2024/01'), year: link('2022', '/archive/2022') })
    expect((await around('2024', '01'))?.earlier).toEqual(link('October 2022', '/archive/2022/10'))
    // A month with nothing in it still leads on both ways.
    expect(await around('2023', '03')).toMatchObject({ earlier: link('October 2022', '/archive/2022/10'), later: link('January 2024', '/archive/2024/01') })

    const recorded: string[][] = []
    const unregister = registerPurgeTarget('archive-months-test', (tags) => void recorded.push(tags))
    const neighbourTags = ['list:month-2022-10', 'list:month-2022-10:pages', 'list:month-2024-01', 'list:month-2024-01:pages', 'archive:2022', 'archive:2023', 'archive:2024']
    try {
      const spring = await createArticle(payload(), { slug: 'spring-2023', publishedAt: '2023-05-20T12:00:00.000Z', _status: 'published' })
      expect(recorded.flat()).toEqual(expect.arrayContaining(neighbourTags))
      expect(await around('2022', '10')).toMatchObject({ earlier: null, later: link('May 2023', '/archive/2023/05') })
      expect((await around('2024', '01'))?.earlier).toEqual(link('May 2023', '/archive/2023/05'))

      // An edit that keeps the month changes no other month's links.
      recorded.length = 0
      await payload().update({ collection: 'articles', id: spring.id, data: { headline: 'Spring, revised', _status: 'published' } })
      expect(recorded.flat().filter((tag) => neighbourTags.includes(tag))).toEqual([])

      recorded.length = 0
      await payload().delete({ collection: 'articles', id: spring.id })
      expect(recorded.flat()).toEqual(expect.arrayContaining(neighbourTags))
      expect((await around('2022', '10'))?.later).toEqual(link('January 2024', '/archive/2024/01'))
    } finally {
      unregister()
    }
  })

  it('shows a year’s months with published articles and the years around it, and 404 for a year with none', async () => {
    const { getServerSideProps } = await pages.year()
    const year = (value: string) => render(getServerSideProps, `/archive/${value}`, { year: value })
    const y2022 = await year('2022')
    expect(y2022.props?.page).toMatchObject({ year: '2022', months: [{ name: 'October 2022', path: '/archive/2022/10' }], earlier: null, later: { name: '2024', path: '/archive/2024' } })
    expect(y2022.headers['surrogate-key']?.split(' ')).toEqual(expect.arrayContaining(['archive:2022', 'site']))
    // January 2024 (the fixtures and the month edge), read one month at a time.
    const y2024 = await year('2024')
    expect(y2024.props?.page).toMatchObject({ months: [{ name: 'January 2024', path: '/archive/2024/01' }], earlier: { name: '2022', path: '/archive/2022' } })
    expect(y2024.read).toBe(3)
    // 2023 holds a draft only; the 404 is kept until an article lands in the year.
    const y2023 = await year('2023')
    expect(y2023.status).toBe(404)
    expect(y2023.headers['surrogate-key']?.split(' ')).toContain('archive:2023')
    for (const bad of ['23', '20234', 'x']) expect((await year(bad)).status).toBe(404)
    // A month's breadcrumbs pass through its year.
    const { getServerSideProps: month } = await pages.month()
    const january = await render(month, '/archive/2024/01', { year: '2024', month: '01' })
    expect(JSON.stringify(january.props?.page?.jsonLd)).toContain('"name":"2024","item":"http://localhost:3000/archive/2024"')
  })
})

describe('an image’s uses', () => {
  it('lists the published articles showing an image as the lead or in the body, newest first, by id', async () => {
    const licenses = await createLicenses(payload())
    const photo = await createImage(payload(), licenses.get('CC-BY-4.0')!)
    const unused = await createImage(payload(), licenses.get('CC-BY-4.0')!)
    const body = richText.body(richText.paragraph('Before.'), richText.image(photo.id))
    const lead = await createArticle(payload(), { slug: 'uses-lead', heroImage: photo.id, publishedAt: '2022-03-01T00:00:00.000Z', _status: 'published' })
    const inBody = await createArticle(payload(), { slug: 'uses-body', body, publishedAt: '2022-03-02T00:00:00.000Z', _status: 'published' })
    const both = await createArticle(payload(), { slug: 'uses-both', heroImage: photo.id, body, publishedAt: '2022-03-03T00:00:00.000Z', _status: 'published' })
    await createArticle(payload(), { slug: 'uses-draft', heroImage: photo.id, _status: 'draft' })
    const { getServerSideProps } = await pages.image()
    const answer = await render(getServerSideProps, `/credits/${photo.id}`, { image: String(photo.id) })
    expect(slugs(answer)).toEqual(['uses-both', 'uses-body', 'uses-lead'])
    // By id, from two indexed reads: the OR across the lead image and the body's join walks every article.
    const { resolveListWhere } = await import('../../src/domain/articles/lists')
    const where = (await resolveListWhere({ kind: 'image', id: photo.id }, payload())) as { and: Array<{ id?: { in: unknown[] } }> }
    expect(where.and.find((term) => term.id)?.id?.in).toEqual(expect.arrayContaining([lead.id, inBody.id, both.id]))
    // An image no article shows is not public (no page), but its list is still asked for by a publish's purge.
    const { findListLanding } = await import('../../src/lib/data/articleLists')
    expect(await findListLanding({ kind: 'image', id: unused.id })).toMatchObject({ items: [], total: 0 })
  })
})

describe('content that moves', () => {
  it('answers an old section address with a 301 to the new one', async () => {
    await payload().update({ collection: 'sections', id: politics.id, data: { slug: 'policy' } })
    const { getServerSideProps } = await pages.section()
    const answer = await render(getServerSideProps, '/sections/politics', { slug: 'politics' })
    expect(answer.redirect).toEqual({ destination: '/sections/policy', statusCode: 301 })
  })

  it('still renders an article with neither a section nor an author', async () => {
    await createArticle(payload(), { slug: 'agency-copy', byline: 'Reuters', body: paragraphsToLexical(['x']), publishedAt: '2023-06-01T00:00:00.000Z', _status: 'published' })
    const { getServerSideProps } = await import('../../src/pages/articles/[slug]')
    const answer = await render(getServerSideProps, '/articles/agency-copy', { slug: 'agency-copy' })
    expect(answer.props?.page).toMatchObject({ section: null, authors: [], byline: 'Reuters' })
  })
})
