import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'

import { launchBrowser } from '../support/browser'
import { FIRST_SLUG, baseUrl } from '../support/http'

/** Every kind of public page, the 404s included. */
const PAGES = { front: '/', article: `/articles/${FIRST_SLUG}`, credits: '/credits', notFound: '/no-such-page', missingArticle: '/articles/no-such-article' }

type Loaded = { page: Page; html: string; scripts: string[] }

let browser: Browser

/** Records, before any of the page's own code, every CSP violation the browser reports. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { __cspViolations: seen })
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`))
  })
}

function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
}

async function load(path: string): Promise<Loaded> {
  const page = await (await browser.newContext()).newPage()
  await watchViolations(page)
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url())
  })
  const response = await page.goto(`${baseUrl()}${path}`, { waitUntil: 'load' })
  return { page, html: (await response?.text()) ?? '', scripts }
}

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe("readers' pages are plain HTML", () => {
  it.each(Object.entries(PAGES))('%s loads no script and carries no flight payload or page data', async (_name, path) => {
    const { page, html, scripts } = await load(path)
    expect(scripts).toEqual([])
    expect(html).not.toContain('self.__next_f')
    expect(html).not.toContain('__NEXT_DATA__')
    // The only script elements are data: JSON-LD.
    expect(html.match(/<script(?![^>]*type="application\/ld\+json")[^>]*>/g) ?? []).toEqual([])
    expect(await violations(page)).toEqual([])
    await page.context().close()
  })

  it('keep their JSON-LD readable under a CSP that blocks inline scripts', async () => {
    for (const path of [PAGES.front, PAGES.article]) {
      const { page } = await load(path)
      const types = await page.evaluate(() =>
        Array.from(document.querySelectorAll('script[type="application/ld+json"]'), (element) => JSON.parse(element.textContent ?? '') as Record<string, unknown>).map(
          (data) => data['@type'] ?? (data['@graph'] as Array<{ '@type': string }>).map((node) => node['@type']).join(','),
        ),
      )
      expect(types.length).toBeGreaterThan(0)
      expect(await violations(page)).toEqual([])
      await page.context().close()
    }
  })

  it('refuse an injected inline script (the CSP is enforced, and violations are seen)', async () => {
    const { page } = await load(PAGES.article)
    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.body.append(script)
      return new Promise<boolean>((resolve) => setTimeout(() => resolve('__injected' in window), 100))
    })
    expect(ran).toBe(false)
    expect((await violations(page)).some((violation) => violation.startsWith('script-src-elem inline'))).toBe(true)
    await page.context().close()
  })
})

describe('the admin keeps what it needs', () => {
  it('shows its login form with its inline scripts allowed', async () => {
    const page = await (await browser.newContext()).newPage()
    await watchViolations(page)
    await page.goto(`${baseUrl()}/admin/login`)
    await page.waitForSelector('input[name="email"]')
    expect(await violations(page)).toEqual([])
    await page.context().close()
  })
})
