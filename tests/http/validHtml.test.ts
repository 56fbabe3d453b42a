import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { describe, expect, it } from '@jest/globals'
import { FIRST_SLUG, get } from '../support/http'

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')
const PAGES = { front: '/', article: `/articles/${FIRST_SLUG}`, credits: '/credits', notFound: '/no-such-page', apiDocs: '/api/docs', search: '/search?q=Putin', searchEmpty: '/search' }

type Message = { type: 'error' | 'info' | 'non-document-error'; subType?: string; url: string; message: string; extract?: string }

/**
 * The Nu HTML Checker (vnu.jar, Java from Debian: `default-jre-headless`) on every public page,
 * in one JVM run. Errors fail; warnings are informative.
 */
describe('valid HTML', () => {
  it('every public page passes the Nu HTML checker with no errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publication-vnu-'))
    try {
      const files = await Promise.all(
        Object.entries(PAGES).map(async ([name, url]) => {
          const response = await get(url)
          expect(response.status).toBe(name === 'notFound' ? 404 : 200)
          const file = path.join(dir, `${name}.html`)
          fs.writeFileSync(file, await response.text())
          return file
        }),
      )
      const { stderr } = await promisify(execFile)('java', ['-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files], { maxBuffer: 16 * 1024 * 1024 })
      const { messages } = JSON.parse(stderr) as { messages: Message[] }
      const errors = messages.filter((message) => message.type !== 'info').map((message) => `${path.basename(message.url)}: ${message.message} «${message.extract ?? ''}»`)
      expect(errors).toEqual([])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
