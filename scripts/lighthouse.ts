/**
 * `npm run lighthouse`: figures, not pass/fail (not part of `npm test`). Starts the production
 * server on a throwaway database, warms the response cache, then runs Lighthouse's mobile preset
 * (its default config) in Debian's Chromium against the article page and the front page, and prints
 * the four category scores with LCP, TBT, CLS and the scripts' transfer size. Each page is measured
 * LIGHTHOUSE_RUNS times (5) and the run with the median performance score is reported, because one
 * run on a shared 2-core machine is noisy. Full reports (HTML and JSON) are kept in a temp folder.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { generateReport, type Result } from 'lighthouse'

import { LIGHTHOUSE_MAX_TBT_MS, LIGHTHOUSE_TARGETS, meetsTargets, pickMedianRun, toLighthouseFigures, type LighthouseFigures } from './lib/lighthouseFigures'
import { startServer, stopServer } from './lib/serverProcess'

const PAGES: Array<[name: string, path: string]> = [
  ['article page', '/articles/xi-putin-beijing-no-limits-partnership'],
  ['front page', '/'],
]
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// No network here: nothing Chromium would fetch from the internet on its own.
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

type Run = LighthouseFigures & { lhr: Result }

const kb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024).toFixed(1)} KB`)
const msText = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value)} ms`)

function printRun(name: string, run: Run, performanceScores: Array<number | null>) {
  const { scores } = run
  const targetMark = meetsTargets(run) ? 'meets the targets' : 'BELOW TARGET'
  console.log(`\n${name}: ${run.lhr.finalDisplayedUrl}  (${targetMark})`)
  console.log(
    `  performance ${scores.performance} (runs: ${performanceScores.join(', ')})  accessibility ${scores.accessibility}  ` +
      `best practices ${scores['best-practices']}  SEO ${scores.seo}`,
  )
  console.log(`  LCP ${msText(run.lcpMs)}  TBT ${msText(run.tbtMs)}  CLS ${run.cls?.toFixed(3) ?? 'n/a'}  scripts ${kb(run.scriptBytes)} transferred`)
  for (const audit of run.failing) {
    console.log(`  - [${audit.category}] ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`)
  }
}

async function warm(url: string) {
  // The first request renders and stores the page; the next ones are cache hits, as readers get.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const response = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } })
    if (!response.ok) throw new Error(`${url} answered ${response.status}`)
    await response.arrayBuffer()
  }
}

/**
 * One Lighthouse run. A run whose trace came out unusable (NO_NAVSTART: seen now and then on a
 * loaded machine, more often on pages that load no script) is run again, as Lighthouse advises.
 */
async function measure(url: string, attempts = 3): Promise<Result> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'json' })
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    const error = result.lhr.runtimeError
    if (!error) return result.lhr
    if (attempt >= attempts) throw new Error(`Lighthouse failed on ${url} ${attempts} times: ${error.message}`)
    console.log(`  (run again: ${error.code})`)
  }
}

const serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'publication-lighthouse-server-'))
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'publication-lighthouse-reports-'))
const env = {
  DATABASE_URI: `file:${path.join(serverDir, 'lighthouse.db')}`,
  MEDIA_DIR: path.join(serverDir, 'media'),
  PAYLOAD_SECRET_FILE: path.join(serverDir, 'secret'),
  LOG_LEVEL: 'warn',
}
const server = await startServer(env)
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, logLevel: 'error' })
console.log(`Lighthouse mobile preset, ${RUNS} run(s) per page, Chromium ${CHROMIUM}; targets: ${JSON.stringify(LIGHTHOUSE_TARGETS)}, TBT ≤ ${LIGHTHOUSE_MAX_TBT_MS} ms`)

try {
  for (const [name, pagePath] of PAGES) {
    const url = `${server.baseUrl}${pagePath}`
    await warm(url)
    const runs: Run[] = []
    for (let index = 0; index < RUNS; index += 1) {
      const lhr = await measure(url)
      runs.push({ ...toLighthouseFigures(lhr), lhr })
    }
    const median = pickMedianRun(runs)
    printRun(name, median, runs.map((run) => run.scores.performance))
    const file = path.join(reportDir, name.replace(/\W+/g, '-'))
    fs.writeFileSync(`${file}.html`, generateReport(median.lhr, 'html'))
    fs.writeFileSync(`${file}.json`, JSON.stringify(median.lhr))
  }
  console.log(`\nfull reports (median runs): ${reportDir}`)
} finally {
  chrome.kill()
  await stopServer(server.child)
  fs.rmSync(serverDir, { recursive: true, force: true })
}
