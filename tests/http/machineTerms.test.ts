import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { adminToken, authHeaders, baseUrl, get } from '../support/http'

// The front page shows the seeded photo's credit; the article page is checked for headers too.
const PAGE = '/'
const ARTICLE = '/articles/xi-putin-beijing-no-limits-partnership'
const POLICY = 'https://licensing.example/dispatch-tdm'

let token: string
beforeAll(async () => {
  token = await adminToken()
})

async function setTdm(data: { tdm: 'reserved' | 'allowed'; tdmPolicyUrl?: string | null }): Promise<void> {
  const response = await fetch(`${baseUrl()}/api/globals/site-settings`, {
    method: 'POST',
    headers: authHeaders(token, { 'content-type': 'application/json' }),
    body: JSON.stringify(data),
  })
  expect(response.status).toBe(200)
}

const text = async (path: string) => (await get(path)).text()
/** The credit under the photo: from its RDFa root to the end of the caption. */
const creditOf = (html: string) => /<span about="[^"]*" prefix="[^"]*">(?:(?!<\/figcaption>).)*/s.exec(html)?.[0]

describe('terms for machines (TDM and AI training)', () => {
  afterAll(async () => {
    await setTdm({ tdm: 'reserved', tdmPolicyUrl: null })
  })

  it('when reserved: robots.txt turns AI crawlers away, pages, tdmrep.json, feeds and OpenAPI say so', async () => {
    await setTdm({ tdm: 'reserved', tdmPolicyUrl: POLICY })
    const robots = await text('/robots.txt')
    expect(robots).toMatch(/User-agent: GPTBot\n(User-agent: [^\n]+\n)*Disallow: \/\n/)
    expect(robots).toContain('User-agent: CCBot')
    expect(robots).toContain('User-agent: Google-Extended')

    const page = await text(PAGE)
    expect(page).toContain('<meta name="tdm-reservation" content="1"/>')
    expect(page).toContain(`<meta name="tdm-policy" content="${POLICY}"/>`)
    // The same pairs as HTTP headers, on pages and feeds, cached or not.
    for (const path of [PAGE, ARTICLE, ARTICLE, '/feed.xml']) {
      const response = await get(path)
      expect(response.headers.get('tdm-reservation')).toBe('1')
      expect(response.headers.get('tdm-policy')).toBe(POLICY)
    }

    const tdmrep = await get('/.well-known/tdmrep.json')
    expect(tdmrep.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await tdmrep.json()).toEqual([{ location: '/*', 'tdm-reservation': 1, 'tdm-policy': POLICY }])

    expect(await text('/feed.xml')).toContain(`<atom:link href="${POLICY}" rel="license"/>`)
    expect(await text('/atom.xml')).toContain(`<link rel="license" href="${POLICY}"/>`)
    expect(JSON.parse(await text('/feed.json'))._tdm).toMatchObject({ reservation: 1, policy: POLICY })
    expect(JSON.parse(await text('/api/openapi.json')).info).toMatchObject({ termsOfService: POLICY, 'x-tdm-reservation': 1 })
  })

  it('when allowed: none of it appears, and the image credit is the same', async () => {
    await setTdm({ tdm: 'reserved', tdmPolicyUrl: POLICY })
    const reservedCredit = creditOf(await text(PAGE))
    await setTdm({ tdm: 'allowed' })

    const robots = await text('/robots.txt')
    expect(robots).not.toContain('GPTBot')
    expect(robots).not.toMatch(/^Disallow: \/$/m)

    const page = await text(PAGE)
    expect(page).not.toContain('tdm-reservation')
    expect(page).not.toContain('tdm-policy')
    for (const path of [PAGE, ARTICLE, ARTICLE, '/feed.xml']) expect((await get(path)).headers.get('tdm-reservation')).toBeNull()
    expect(creditOf(page)).toBeDefined()
    expect(creditOf(page)).toBe(reservedCredit)

    expect(await (await get('/.well-known/tdmrep.json')).json()).toEqual([{ location: '/*', 'tdm-reservation': 0 }])
    expect(await text('/feed.xml')).not.toContain('rel="license"')
    expect(await text('/atom.xml')).not.toContain('rel="license"')
    expect(JSON.parse(await text('/feed.json'))).not.toHaveProperty('_tdm')
    const info = JSON.parse(await text('/api/openapi.json')).info
    expect(info).not.toHaveProperty('termsOfService')
    expect(info).not.toHaveProperty('x-tdm-reservation')
  })

  it('refuses a policy address that is not a web URL, with a message', async () => {
    const response = await fetch(`${baseUrl()}/api/globals/site-settings`, {
      method: 'POST',
      headers: authHeaders(token, { 'content-type': 'application/json' }),
      body: JSON.stringify({ tdm: 'reserved', tdmPolicyUrl: 'javascript:alert(1)' }),
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('http')
  })
})
