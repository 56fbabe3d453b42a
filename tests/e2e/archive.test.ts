import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser } from 'playwright-core'

import { paragraphsToLexical } from '../../src/lib/richText'
import { launchBrowser, readerPage, screenshot } from '../support/browser'
import { GENEROUS_RATE_LIMITS } from '../../scripts/lib/serverProcess'
import { useOwnServers } from '../support/ownServers'

// A server of its own with pages of two articles, so a handful makes an archive to browse.
const own = useOwnServers()
let browser: Browser
let base = ''

async function api(path: string, token: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', Authorization: `JWT ${token}` }, body: JSON.stringify(body) })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as Record<string, unknown>
}

beforeAll(async () => {
  const { env } = own.throwaway('archive-e2e')
  const server = await own.start({ ...env, ...GENEROUS_RATE_LIMITS, LIST_PAGE_SIZE: '2' })
  base = server.baseUrl
  const registered = await fetch(`${base}/api/users/first-register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'archive-admin@example.com', password: 'a long test password' }) })
  const token = ((await registered.json()) as { token: string }).token
  const section = (await api('/api/sections', token, { name: 'Science', slug: 'science' })).doc as { id: number }
  const author = (await api('/api/authors', token, { name: 'Marie Curie', slug: 'marie-curie', bio: 'Writes about physics.' })).doc as { id: number }
  for (let day = 1; day <= 6; day += 1) {
    await api('/api/articles', token, {
      headline: `Discovery number ${day}`,
      slug: `discovery-${day}`,
      body: paragraphsToLexical([`Day ${day}.`]),
      publishedAt: new Date(Date.UTC(2025, 2, day, 9)).toISOString(),
      section: section.id,
      authors: [author.id],
      _status: 'published',
    })
  }
  browser = await launchBrowser()
}, 300_000)

afterAll(async () => {
  await browser?.close()
})

describe('the archive, as a reader', () => {
  it('goes from the front page to older pages, to a section and to an author', async () => {
    const page = await readerPage(browser)
    await page.goto(`${base}/`)
    // Seven articles (the seed's and six) in pages of two: the front page shows pages 4 and 3.
    await expect(page.locator('.card').count()).resolves.toBe(3)
    await Promise.all([page.waitForURL((url) => url.pathname === '/page/2'), page.click('text=Older articles')])
    await expect(page.locator('.meta').first().textContent()).resolves.toBe('Page 2 of 4')
    await expect(page.locator('.card__headline').allTextContents()).resolves.toEqual(['Discovery number 3', 'Discovery number 2'])
    await screenshot(page, 'archive-page-2')

    await Promise.all([page.waitForURL((url) => url.pathname === '/articles/discovery-3'), page.click('text=Discovery number 3')])
    await Promise.all([page.waitForURL((url) => url.pathname === '/sections/science'), page.click('.kicker >> text=Science')])
    await expect(page.locator('h1').textContent()).resolves.toBe('Science')
    await expect(page.locator('header nav[aria-label="Sections"]').textContent()).resolves.toContain('Science')

    await Promise.all([page.waitForURL((url) => url.pathname === '/articles/discovery-6'), page.click('text=Discovery number 6')])
    await Promise.all([page.waitForURL((url) => url.pathname === '/authors/marie-curie'), page.click('.byline >> text=Marie Curie')])
    await expect(page.locator('h1').textContent()).resolves.toBe('Marie Curie')
    await expect(page.locator('.profile').textContent()).resolves.toContain('Writes about physics.')
    await screenshot(page, 'archive-author')
  })

  it('goes by date: from an article to its month, to the month before, and up to its year', async () => {
    const page = await readerPage(browser)
    await page.goto(`${base}/articles/discovery-3`)
    await Promise.all([page.waitForURL((url) => url.pathname === '/archive/2025/03'), page.click('.meta a:has(time)')])
    await expect(page.locator('h1').textContent()).resolves.toBe('March 2025')
    // The seed's article (16 May 2024) is the nearest earlier month; nothing is later.
    await Promise.all([page.waitForURL((url) => url.pathname === '/archive/2024/05'), page.click('nav[aria-label="Other months"] >> text=May 2024 →')])
    await expect(page.locator('.card__headline').allTextContents()).resolves.toHaveLength(1)
    await Promise.all([page.waitForURL((url) => url.pathname === '/archive/2024'), page.click('nav[aria-label="Other months"] >> text="2024"')])
    await expect(page.locator('.archive-months a').allTextContents()).resolves.toEqual(['May 2024'])
    await Promise.all([page.waitForURL((url) => url.pathname === '/archive/2025'), page.click('nav[aria-label="Other years"] >> text=← 2025')])
    await expect(page.locator('.archive-months a').allTextContents()).resolves.toEqual(['March 2025'])
    await screenshot(page, 'archive-year')
  })
})
