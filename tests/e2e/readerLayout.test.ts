import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'

import { paragraphsToLexical } from '../../src/lib/richText'
import { launchBrowser, screenshot } from '../support/browser'
import { FIRST_SLUG, adminToken, authHeaders, baseUrl, getJson } from '../support/http'

/** The pages a reader sees, as a phone (375 px) and a laptop (1280 px) show them. */
const PAGES = { article: `/articles/${FIRST_SLUG}`, front: '/', credits: '/credits', notFound: '/no-such-page' }
const PHONE = { width: 375, height: 812 }
const LAPTOP = { width: 1280, height: 720 }

let browser: Browser

async function open(viewport: { width: number; height: number }, path: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport, deviceScaleFactor: 1 })).newPage()
  await page.goto(`${baseUrl()}${path}`, { waitUntil: 'load' })
  return page
}

type Box = { top: number; bottom: number; left: number; right: number; width: number }

async function boxOf(page: Page, selector: string): Promise<Box> {
  return page.locator(selector).first().evaluate((element) => {
    const { top, bottom, left, right, width } = element.getBoundingClientRect()
    return { top, bottom, left, right, width }
  })
}

/**
 * Each photo's rendered width beside the width its `sizes` attribute promises the browser, the
 * latter worked out by the browser itself: the first entry whose media query matches, its length
 * measured on a probe element.
 */
async function imageSlots(page: Page): Promise<Array<{ src: string; rendered: number; promised: number }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('picture > img'), (image) => {
      const entries = (image.getAttribute('sizes') ?? '').split(/,(?![^(]*\))/).map((entry) => entry.trim())
      const chosen = entries.find((entry) => {
        const media = /^(\([^)]*\))\s+/.exec(entry)?.[1]
        return !media || window.matchMedia(media).matches
      })
      const length = (chosen ?? '100vw').replace(/^\([^)]*\)\s+/, '')
      const probe = document.createElement('div')
      probe.style.cssText = `position:absolute;visibility:hidden;width:${length}`
      document.body.append(probe)
      const promised = probe.getBoundingClientRect().width
      probe.remove()
      return { src: image.getAttribute('src') ?? '', rendered: image.getBoundingClientRect().width, promised }
    }),
  )
}

beforeAll(async () => {
  // A second published article, so the front page has a lead card and an ordinary one.
  const token = await adminToken()
  const { body } = await getJson<{ docs: Array<{ heroImage: { id: number | string } }> }>(`/api/articles?where[slug][equals]=${FIRST_SLUG}&depth=1`)
  const created = await fetch(`${baseUrl()}/api/articles`, {
    method: 'POST',
    headers: authHeaders(token, { 'content-type': 'application/json' }),
    body: JSON.stringify({
      headline: 'A second story for the layout test',
      slug: 'reader-layout-test',
      standfirst: 'So that the front page shows more than its lead.',
      heroImage: body.docs[0]!.heroImage.id,
      body: paragraphsToLexical(['Words.']),
      _status: 'published',
    }),
  })
  expect(created.status).toBe(201)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe('the pages as a reader sees them', () => {
  it('never scroll sideways on a phone or a laptop', async () => {
    for (const viewport of [PHONE, LAPTOP]) {
      for (const [name, path] of Object.entries(PAGES)) {
        const page = await open(viewport, path)
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
        expect({ page: name, viewport: viewport.width, scrollWidth }).toEqual({ page: name, viewport: viewport.width, scrollWidth: viewport.width })
        await screenshot(page, `reader-${name}-${viewport.width}`)
        await page.context().close()
      }
    }
  })

  it('fetches each photo for the width it is shown at: `sizes` matches the layout', async () => {
    for (const viewport of [PHONE, { width: 800, height: 900 }, LAPTOP]) {
      for (const path of [PAGES.article, PAGES.front]) {
        const page = await open(viewport, path)
        const slots = await imageSlots(page)
        expect(slots.length).toBeGreaterThan(path === PAGES.front ? 1 : 0)
        for (const slot of slots) {
          expect({ path, viewport: viewport.width, promised: Math.round(slot.promised) }).toEqual({ path, viewport: viewport.width, promised: Math.round(slot.rendered) })
        }
        await page.context().close()
      }
    }
  })

  it("shows the lead story's headline beside its photo, in the first screen of a laptop", async () => {
    const page = await open(LAPTOP, PAGES.front)
    const photo = await boxOf(page, '.card--lead .figure')
    const headline = await boxOf(page, '.card--lead .card__headline')
    expect(headline.left).toBeGreaterThanOrEqual(photo.right)
    expect(headline.bottom).toBeLessThanOrEqual(LAPTOP.height)
    await page.context().close()
  })

  it("stacks the lead story's headline under its photo on a phone", async () => {
    const page = await open(PHONE, PAGES.front)
    const photo = await boxOf(page, '.card--lead .figure')
    const headline = await boxOf(page, '.card--lead .card__headline')
    expect(headline.top).toBeGreaterThanOrEqual(photo.bottom)
    await page.context().close()
  })

  it('keeps the footer at the bottom of a short page', async () => {
    const page = await open(LAPTOP, PAGES.notFound)
    const footer = await boxOf(page, 'footer')
    expect(Math.round(footer.bottom)).toBe(LAPTOP.height)
    await page.context().close()
  })

  it('gives the credit text the width of a phone on /credits, not a sliver beside the thumbnail', async () => {
    const page = await open(PHONE, PAGES.credits)
    const credit = await boxOf(page, '.credits__credit')
    expect(credit.width).toBeGreaterThan(PHONE.width * 0.8)
    await page.context().close()
  })
})
