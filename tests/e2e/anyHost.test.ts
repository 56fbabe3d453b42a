import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'

import { paragraphsToLexical } from '../../src/lib/richText'
import { launchBrowser, screenshot } from '../support/browser'
import { FIRST_SLUG, adminToken, authHeaders, baseUrl, getJson, tokenFor } from '../support/http'

/**
 * The test server's SERVER_URL is http://127.0.0.1:<port>; here the site and the admin are opened
 * as http://localhost:<port>, as through a LAN address or a proxy without SERVER_URL set.
 */
const otherHost = () => baseUrl().replace('127.0.0.1', 'localhost')
const SLUG = 'any-host-test'
const EMAIL = 'any-host-editor@example.com'
const PASSWORD = 'any host password 123'

let browser: Browser
let id: number | string

/** Every image on the page, after scrolling lazy ones into view and letting them settle. */
async function imagesOf(page: Page): Promise<Array<{ src: string; loaded: boolean }>> {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete), undefined, { timeout: 10_000 })
  return page.evaluate(() => Array.from(document.images, (image) => ({ src: image.currentSrc || image.src, loaded: image.naturalWidth > 0 })))
}

beforeAll(async () => {
  const token = await adminToken()
  await tokenFor('editor', EMAIL, PASSWORD)
  const { body } = await getJson<{ docs: Array<{ heroImage: { id: number | string } }> }>(`/api/articles?where[slug][equals]=${FIRST_SLUG}&depth=1`)
  const created = await fetch(`${baseUrl()}/api/articles`, {
    method: 'POST',
    headers: authHeaders(token, { 'content-type': 'application/json' }),
    body: JSON.stringify({ headline: 'Seen from any host', slug: SLUG, standfirst: 'First standfirst.', heroImage: body.docs[0]!.heroImage.id, body: paragraphsToLexical(['Words.']), _status: 'published' }),
  })
  id = ((await created.json()) as { doc: { id: number | string } }).doc.id
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe('under a host name other than SERVER_URL', () => {
  it('shows every image on the front page, an article and /credits', async () => {
    const page = await (await browser.newContext()).newPage()
    for (const path of ['/', `/articles/${SLUG}`, '/credits']) {
      await page.goto(`${otherHost()}${path}`, { waitUntil: 'load' })
      const images = await imagesOf(page)
      expect(images.length).toBeGreaterThan(0)
      for (const image of images) {
        expect(image.src.startsWith(`${otherHost()}/`)).toBe(true)
        expect(image).toMatchObject({ loaded: true })
      }
    }
    await screenshot(page, 'credits-other-host')
  })

  it('lets an editor log in, see live preview and publish an edit in the admin', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage()
    await page.goto(`${otherHost()}/admin/login`)
    await page.fill('input[name="email"]', EMAIL)
    await page.fill('input[name="password"]', PASSWORD)
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 30_000 })
    await page.goto(`${otherHost()}/admin/collections/articles/${id}`)
    await page.waitForSelector('#field-standfirst')
    const thumbnails = await imagesOf(page)
    for (const image of thumbnails.filter((candidate) => candidate.src.includes('/api/media/file/'))) expect(image.loaded).toBe(true)

    await page.click('#live-preview-toggler')
    const preview = page.frameLocator('iframe').first()
    await expect(preview.locator('h1').innerText({ timeout: 15_000 })).resolves.toBe('Seen from any host')

    await page.fill('#field-standfirst', 'Edited under another host name.')
    await page.click('#action-save')
    await page.locator('.payload-toast-container').getByText(/success/i).first().waitFor({ timeout: 15_000 })
    await screenshot(page, 'admin-other-host')
    const reader = await (await browser.newContext()).newPage()
    await reader.goto(`${otherHost()}/articles/${SLUG}`)
    await expect(reader.locator('.standfirst').innerText()).resolves.toBe('Edited under another host name.')
  })
})
