import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'

import { paragraphsToLexical } from '../../src/lib/richText'
import { launchBrowser, logIn, readerPage, screenshot, waitForReaderView } from '../support/browser'
import { FIRST_SLUG, adminToken, authHeaders, baseUrl, getJson, tokenFor, type Doc } from '../support/http'

const ORIGINAL_HEADLINE = 'Xi and Putin reaffirm their ‘no limits’ partnership in Beijing'
const EDITED_HEADLINE = 'Xi and Putin pledge deeper ties at Beijing summit'
const ADDED_SENTENCE = ' An editor added this sentence in the browser.'
const articleUrl = () => `${baseUrl()}/articles/${FIRST_SLUG}`

let browser: Browser
let editor: Page
let reader: Page
let articleId: number | string

/** Waits for the admin's toast that says `expected` (it shows "Submitting…" first). */
async function toast(page: Page, expected: RegExp): Promise<string> {
  const message = page.locator('.payload-toast-container').getByText(expected).first()
  await message.waitFor({ timeout: 15_000 })
  return message.innerText()
}

/** The admin's own view of the article (logged in, drafts included), fetched from inside the page. */
async function latestDraft(page: Page, id: number | string): Promise<Doc> {
  return page.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).json(), `/api/articles/${id}?draft=true`)
}

async function openArticle(page: Page, id: number | string): Promise<void> {
  await page.goto(`${baseUrl()}/admin/collections/articles/${id}`)
  await page.waitForSelector('#field-headline')
}

beforeAll(async () => {
  await adminToken()
  await tokenFor('editor', 'e2e-editor@example.com', 'editor password 123')
  articleId = (await getJson<{ docs: Doc[] }>(`/api/articles?where[slug][equals]=${FIRST_SLUG}`)).body.docs[0]!.id
  browser = await launchBrowser()
  editor = await logIn(browser, 'e2e-editor@example.com', 'editor password 123')
  reader = await readerPage(browser)
})

afterAll(async () => {
  await browser?.close()
})

describe('an editor in the admin', () => {
  it('edits the headline and a body paragraph in Lexical, publishes, and readers see it within 5 seconds', async () => {
    await openArticle(editor, articleId)
    await expect(editor.getByTestId('credit-preview').innerText()).resolves.toBe('Photo: Официальный веб-сайт Президента Российской Федерации, CC BY 4.0')
    await editor.fill('#field-headline', EDITED_HEADLINE)
    await editor.locator('[data-lexical-editor="true"] p').first().click()
    await editor.keyboard.press('Control+End')
    await editor.keyboard.type(ADDED_SENTENCE)
    await screenshot(editor, 'admin-article-edit')

    await editor.click('#action-save')
    const published = Date.now()
    expect(await toast(editor, /success/i)).toMatch(/success/i)
    const elapsed = await waitForReaderView(reader, articleUrl(), (html) => html.includes(EDITED_HEADLINE) && html.includes(ADDED_SENTENCE.trim()), 5_000)
    console.log(`publish → visible on the public page: ${Date.now() - published} ms (reader polling ${elapsed} ms)`)
    await reader.goto(articleUrl())
    await screenshot(reader, 'article-page')
    expect(await reader.locator('h1').innerText()).toBe(EDITED_HEADLINE)
  })

  it('autosaves a draft edit that anonymous readers never see', async () => {
    await openArticle(editor, articleId)
    await editor.fill('#field-headline', '')
    await editor.click('#field-headline')
    await editor.keyboard.type('A draft headline nobody should see')
    // Autosave runs every 1.5 s; the draft is then stored as a version.
    const deadline = Date.now() + 15_000
    let draft: Doc | undefined
    while (Date.now() < deadline) {
      draft = await latestDraft(editor, articleId)
      if (draft.headline === 'A draft headline nobody should see') break
      await editor.waitForTimeout(500)
    }
    expect(draft?.headline).toBe('A draft headline nobody should see')
    await reader.goto(articleUrl())
    expect(await reader.locator('h1').innerText()).toBe(EDITED_HEADLINE)
    const api = await reader.request.get(`${baseUrl()}/api/articles/${articleId}?draft=true`)
    expect(((await api.json()) as Doc).headline).toBe(EDITED_HEADLINE)
  })

  it('shows the draft in live preview beside the editor, following each autosave', async () => {
    await openArticle(editor, articleId)
    await editor.click('#live-preview-toggler')
    const preview = editor.frameLocator('iframe').first()
    await expect(preview.locator('h1').innerText({ timeout: 15_000 })).resolves.toBe('A draft headline nobody should see')
    await expect(preview.locator('.preview-banner').innerText()).resolves.toMatch(/Draft preview/)
    await editor.fill('#field-headline', 'Live preview follows the editor')
    const deadline = Date.now() + 15_000
    let shown = ''
    while (Date.now() < deadline && shown !== 'Live preview follows the editor') {
      shown = await preview.locator('h1').innerText()
      if (shown !== 'Live preview follows the editor') await editor.waitForTimeout(500)
    }
    expect(shown).toBe('Live preview follows the editor')
    await screenshot(editor, 'admin-live-preview')
  })

  it('restores an older version and brings back the old headline', async () => {
    await editor.goto(`${baseUrl()}/admin/collections/articles/${articleId}/versions`)
    const versionLinks = editor.locator('table a')
    await versionLinks.first().waitFor()
    // The list is newest first; the last row is the seeded original.
    await versionLinks.last().click()
    await editor.click('text=Restore this version')
    await editor.click('#confirm-action')
    expect(await toast(editor, /restored/i)).toMatch(/restored/i)
    await openArticle(editor, articleId)
    expect(await editor.inputValue('#field-headline')).toBe(ORIGINAL_HEADLINE)
    await waitForReaderView(reader, articleUrl(), (html) => html.includes(`<h1>${ORIGINAL_HEADLINE}</h1>`), 5_000)
  })
})

describe('a contributor in the admin', () => {
  it('can write a draft but is offered no way to publish it', async () => {
    await tokenFor('contributor', 'e2e-contributor@example.com', 'contributor password 123')
    const contributor = await logIn(browser, 'e2e-contributor@example.com', 'contributor password 123')
    await contributor.goto(`${baseUrl()}/admin/collections/articles/create`)
    await contributor.fill('#field-headline', 'Contributor story in the browser')
    await contributor.locator('[data-lexical-editor="true"]').click()
    await contributor.keyboard.type('Words from a contributor.')
    // Autosave keeps the draft; there is no Publish button to press.
    const admin = await adminToken()
    const deadline = Date.now() + 15_000
    let stored: Doc | undefined
    while (!stored && Date.now() < deadline) {
      const { body } = await getJson<{ docs: Doc[] }>('/api/articles?where[headline][equals]=Contributor%20story%20in%20the%20browser&draft=true', { headers: authHeaders(admin) })
      stored = body.docs.find((doc) => JSON.stringify(doc.body).includes('Words from a contributor.'))
      if (!stored) await contributor.waitForTimeout(500)
    }
    expect(stored).toMatchObject({ _status: 'draft' })
    expect(await contributor.locator('#action-save').count()).toBe(0)
    expect(await contributor.getByRole('button', { name: /^Publish/ }).count()).toBe(0)
    await screenshot(contributor, 'admin-contributor-draft')
    const page = await reader.goto(`${baseUrl()}/articles/contributor-story-in-the-browser`)
    expect(page?.status()).toBe(404)
    await contributor.context().close()
  })
})

describe('scheduled publishing', () => {
  it('publishes a draft at the scheduled minute, run by the server itself', async () => {
    const token = await adminToken()
    const created = await fetch(`${baseUrl()}/api/articles?draft=true`, {
      method: 'POST',
      headers: authHeaders(token, { 'content-type': 'application/json' }),
      body: JSON.stringify({ headline: 'A story scheduled in the browser', slug: 'scheduled-in-the-browser', body: paragraphsToLexical(['On time.']), _status: 'draft' }),
    })
    const id = ((await created.json()) as { doc: Doc }).doc.id
    await openArticle(editor, id)
    await editor.locator('.doc-controls__controls .popup-button').first().click()
    await editor.click('#schedule-publish')
    await editor.locator('.drawer input[type="radio"][id$="-type-publish"]').check({ force: true })
    // The picker takes whole minutes: this schedules the start of the next minute.
    const at = new Date(Date.now() + 60_000)
    const scheduledFor = new Date(at)
    scheduledFor.setSeconds(0, 0)
    const month = at.toLocaleString('en-US', { month: 'short' })
    const input = editor.locator('.drawer input[type="text"]').first()
    await input.fill(`${month} ${at.getDate()}, ${at.getFullYear()} ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`)
    await editor.keyboard.press('Enter')
    await editor.click('.drawer button:has-text("Save")')
    expect(await toast(editor, /scheduled successfully/i)).toMatch(/scheduled successfully/i)
    await screenshot(editor, 'admin-schedule-drawer')

    expect((await reader.goto(`${baseUrl()}/articles/scheduled-in-the-browser`))?.status()).toBe(404)
    const waited = await waitForReaderView(reader, `${baseUrl()}/articles/scheduled-in-the-browser`, (html) => html.includes('<h1>A story scheduled in the browser</h1>'), 120_000)
    const late = Date.now() - scheduledFor.getTime()
    console.log(`scheduled publish appeared ${Math.round(waited / 1000)} s after scheduling; ${Math.round(late / 1000)} s after the scheduled minute began`)
    expect(late).toBeLessThan(60_000)
  }, 180_000)
})
