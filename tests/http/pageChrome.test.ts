import { beforeAll, describe, expect, it } from '@jest/globals'

import { adminToken, authHeaders, baseUrl, get } from '../support/http'

/*
 * Every page's site name and sections navigation are read once per process and kept until the
 * `site` purge (src/lib/cache/keptUntilPurged.ts): the search page, which is never cached whole,
 * must still show a change at once.
 */

let admin: string

beforeAll(async () => {
  admin = await adminToken()
})

async function call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: authHeaders(admin, body === undefined ? {} : { 'content-type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  expect(response.status).toBeLessThan(300)
  return (await response.json()) as Record<string, unknown>
}

const searchPage = async () => (await get('/search?q=putin')).text()

describe('the sections navigation of a page that is never cached', () => {
  it('shows a section as soon as it is created, renamed and deleted', async () => {
    await searchPage()
    const { doc } = (await call('POST', '/api/sections', { name: 'Chrome Orbit Desk' })) as { doc: { id: number | string } }
    try {
      expect(await searchPage()).toContain('Chrome Orbit Desk')
      await call('PATCH', `/api/sections/${doc.id}`, { name: 'Chrome Lunar Desk' })
      const renamed = await searchPage()
      expect(renamed).toContain('Chrome Lunar Desk')
      expect(renamed).not.toContain('Chrome Orbit Desk')
    } finally {
      await call('DELETE', `/api/sections/${doc.id}`)
    }
    expect(await searchPage()).not.toContain('Chrome Lunar Desk')
  })
})
