/**
 * The benchmark's bulk archive (scripts/lib/archiveBuild.ts) ends in the rows Payload itself
 * writes: its articles, versions, sections, authors and images read back through the Local API,
 * list on the public pages, render, are found by search, and take an edit through Payload.
 */
import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from '@jest/globals'
import type { GetServerSideProps, GetServerSidePropsContext } from 'next'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { buildArchive, type ArchiveSummary } from '../../scripts/lib/archiveBuild'
import { syntheticArticle } from '../../scripts/lib/searchBench'
import { sqlRunnerOf } from '../../src/domain/search/sqlRunner'
import { searchPublishedArticles } from '../../src/domain/search/searchArticles'
import type { ListPageData } from '../../src/lib/pages/listPages'
import { parseQuery } from '../../src/lib/search/query'
import type { Author, Media, Section } from '../../src/payload-types'
import { seed } from '../../src/seed/seed'
import { createImage } from '../support/content'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
const COUNT = 60

let summary: ArchiveSummary

beforeAll(async () => {
  await seed(payload())
  const license = (await payload().find({ collection: 'licenses', limit: 1, depth: 0 })).docs[0]!.id
  await createImage(payload(), license)
  summary = await buildArchive(sqlRunnerOf(payload())!, { count: COUNT, mediaDir: process.env.MEDIA_DIR!, sections: 10, authors: 12, articlesPerImage: 10 })
}, 300_000)

type Props = { page?: unknown; notFound?: true }

async function serverSideProps(getServerSideProps: GetServerSideProps, params: Record<string, string>, resolvedUrl: string): Promise<{ status: number; props: Props & Record<string, unknown> }> {
  const headers: Record<string, string> = {}
  const res = { statusCode: 200, setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value), getHeader: (name: string) => headers[name.toLowerCase()] }
  const context = { params, query: {}, resolvedUrl, req: { headers: {} }, res } as unknown as GetServerSidePropsContext
  const result = (await getServerSideProps(context)) as { props: Props & Record<string, unknown> }
  return { status: res.statusCode, props: result.props }
}

const listed = (props: Props) => (props.page as ListPageData).articles.map((article) => article.slug)

describe('the bulk archive', () => {
  it('has the articles, sections, authors and images it reports', async () => {
    expect(summary).toMatchObject({ articles: COUNT, sections: 10, authors: 12, media: 6 })
    expect((await payload().count({ collection: 'articles', where: { _status: { equals: 'published' } } })).totalDocs).toBe(COUNT + 1)
    expect((await payload().count({ collection: 'sections' })).totalDocs).toBe(10)
    const authors = await payload().find({ collection: 'authors', limit: 100, depth: 0 })
    expect(authors.docs.map((author) => author.name)).toEqual(expect.arrayContaining([expect.stringMatching(/\p{Script=Cyrillic}/u), expect.stringMatching(/\p{Script=Han}/u)]))
    expect(new Set(authors.docs.map((author) => author.slug)).size).toBe(12)
  })

  it('reads an article back through the Local API with its section, authors and image, published and as its latest version', async () => {
    const expected = syntheticArticle(7)
    const { docs } = await payload().find({ collection: 'articles', where: { slug: { equals: 'synthetic-7' } }, depth: 1, draft: false, overrideAccess: false })
    const article = docs[0]!
    expect(article).toMatchObject({ headline: expected.headline, standfirst: expected.standfirst, _status: 'published' })
    expect((article.section as Section).slug).toEqual(expect.any(String))
    expect((article.authors as Author[]).length).toBeGreaterThan(0)
    expect((article.authors as Author[])[0]!.name).toEqual(expect.any(String))
    const latest = await payload().findByID({ collection: 'articles', id: article.id, draft: true, depth: 0 })
    expect(latest.headline).toBe(expected.headline)
    const versions = await payload().findVersions({ collection: 'articles', where: { parent: { equals: article.id } }, depth: 0 })
    expect(versions.docs).toHaveLength(1)
    expect(versions.docs[0]).toMatchObject({ latest: true, version: { headline: expected.headline, _status: 'published', slug: 'synthetic-7' } })
  })

  it('gives each image its own name for files that exist, and shows it publicly', async () => {
    const media = await payload().find({ collection: 'media', sort: '-id', limit: 1, depth: 0, overrideAccess: false })
    const image = media.docs[0] as Media
    expect(image.filename).toMatch(/^archive-\d+-/)
    expect(fs.existsSync(path.join(process.env.MEDIA_DIR!, image.filename!))).toBe(true)
    const w768 = image.sizes?.w768?.filename
    expect(w768).toMatch(/^archive-\d+-/)
    expect(fs.statSync(path.join(process.env.MEDIA_DIR!, w768!)).size).toBe(image.sizes?.w768?.filesize)
    expect(image.sizes?.w768?.url).toContain(w768!)
  })

  it('lists the newest on the front page and in their section, and renders the article page', async () => {
    const front = await serverSideProps((await import('../../src/pages/index')).getServerSideProps, {}, '/')
    expect(listed(front.props)[0]).toBe(`synthetic-${COUNT - 1}`)
    const newest = (await payload().find({ collection: 'articles', where: { slug: { equals: `synthetic-${COUNT - 1}` } }, depth: 1 })).docs[0]!
    const section = newest.section as Section
    const sectionPage = await serverSideProps((await import('../../src/pages/sections/[slug]/index')).getServerSideProps, { slug: section.slug }, `/sections/${section.slug}`)
    expect(listed(sectionPage.props)[0]).toBe(newest.slug)
    const author = (newest.authors as Author[])[0]!
    const authorPage = await serverSideProps((await import('../../src/pages/authors/[slug]/index')).getServerSideProps, { slug: author.slug }, `/authors/${author.slug}`)
    expect(listed(authorPage.props)).toContain(newest.slug)

    const articleModule = await import('../../src/pages/articles/[slug]')
    const answer = await serverSideProps(articleModule.getServerSideProps, { slug: newest.slug }, `/articles/${newest.slug}`)
    expect(answer.status).toBe(200)
    const html = renderToStaticMarkup(createElement(articleModule.default, answer.props as unknown as Parameters<typeof articleModule.default>[0]))
    expect(html).toContain(newest.headline)
    expect(html).toContain(author.name)
    expect(html).toContain(section.name)
  })

  it('finds the bulk articles through the search index', async () => {
    const parsed = parseQuery(syntheticArticle(3).headline.split(' ').slice(0, 2).join(' '))
    if (!parsed.ok) throw new Error(parsed.message)
    const results = await searchPublishedArticles(payload(), parsed.query, { page: 1, limit: 10, depth: 0 })
    expect(results.docs.map((doc) => doc.slug)).toContain('synthetic-3')
  })

  it('takes an edit through Payload like any article', async () => {
    const { docs } = await payload().find({ collection: 'articles', where: { slug: { equals: 'synthetic-2' } }, depth: 0 })
    const updated = await payload().update({ collection: 'articles', id: docs[0]!.id, data: { headline: 'Edited after the bulk build', _status: 'published' } })
    expect(updated.headline).toBe('Edited after the bulk build')
    const versions = await payload().findVersions({ collection: 'articles', where: { parent: { equals: docs[0]!.id } }, sort: '-updatedAt', depth: 0 })
    expect(versions.docs.map((version) => version.latest)).toEqual([true, false])
  })
})
