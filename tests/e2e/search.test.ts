import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser } from 'playwright-core'

import { launchBrowser, readerPage, screenshot } from '../support/browser'
import { FIRST_SLUG, baseUrl } from '../support/http'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe('search, as a reader', () => {
  it('searches from the front page and opens a result', async () => {
    const page = await readerPage(browser)
    await page.goto(`${baseUrl()}/`)
    await page.click('header >> text=Search')
    await page.waitForURL((url) => url.pathname === '/search')

    await page.fill('input[name="q"]', 'Putin')
    await Promise.all([page.waitForURL((url) => url.searchParams.get('q') === 'Putin'), page.press('input[name="q"]', 'Enter')])
    const first = page.locator('.search__result').first()
    await expect(first.locator('mark').first().textContent()).resolves.toBe('Putin')
    await screenshot(page, 'search-results')

    await Promise.all([page.waitForURL((url) => url.pathname === `/articles/${FIRST_SLUG}`), page.locator(`.search__result a[href="/articles/${FIRST_SLUG}"]`).click()])
    await expect(page.locator('h1').textContent()).resolves.toContain('Putin')
  })

  it('says so when nothing is found, and keeps the query in the box', async () => {
    const page = await readerPage(browser)
    await page.goto(`${baseUrl()}/search`)
    await page.fill('input[name="q"]', 'qwzxqwzx')
    await Promise.all([page.waitForURL((url) => url.searchParams.has('q')), page.click('form[role="search"] button[type="submit"]')])
    await expect(page.locator('.search__status').textContent()).resolves.toContain('Nothing found')
    await expect(page.inputValue('input[name="q"]')).resolves.toBe('qwzxqwzx')
  })
})
