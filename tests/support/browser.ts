import fs from 'node:fs'
import path from 'node:path'

import { chromium, type Browser, type Page } from 'playwright-core'

import { baseUrl } from './http'

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots')

/** Debian's Chromium, started as these machines need (no sandbox as root, no background network). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  })
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/** Logs in through the admin's login form, as a person would. */
export async function logIn(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  await page.goto(`${baseUrl()}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 30_000 })
  return page
}

/** A reader's page: a fresh context with no login and no cookies. */
export async function readerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  return context.newPage()
}

/** Polls the reader's view until `predicate` holds; returns the milliseconds it took. */
export async function waitForReaderView(page: Page, url: string, predicate: (html: string) => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    const response = await page.goto(url)
    if (response && predicate(await response.text())) return Date.now() - started
    await page.waitForTimeout(250)
  }
  throw new Error(`the reader's view of ${url} did not change within ${timeoutMs} ms`)
}
