import { describe, expect, it } from '@jest/globals'

import { renderRobots } from '../../../src/lib/seo/robots'
import { AI_CRAWLERS, tdmHeaders, tdmPolicyUrl, toTdmRepJson } from '../../../src/lib/seo/tdm'
import { ORIGIN, siteWith } from './fixtures'

const reserved = siteWith({ tdm: 'reserved', tdmPolicyUrl: 'https://news.example/licensing' })
const reservedNoPolicy = siteWith({ tdm: 'reserved' })
const allowed = siteWith({ tdm: 'allowed', tdmPolicyUrl: 'https://news.example/licensing' })

describe('TDM reservation signals', () => {
  it('headers (and meta tags) say tdm-reservation: 1, with the policy when one is set', () => {
    expect(tdmHeaders(reserved)).toEqual({ 'tdm-reservation': '1', 'tdm-policy': 'https://news.example/licensing' })
    expect(tdmHeaders(reservedNoPolicy)).toEqual({ 'tdm-reservation': '1' })
  })

  it('says nothing at all when mining is allowed, even with a policy URL left in the settings', () => {
    expect(tdmHeaders(allowed)).toEqual({})
    expect(allowed.tdm.policyUrl).toBeNull()
  })

  it('reserves by default: a fresh clone opts out of AI training', () => {
    expect(tdmHeaders(siteWith(null))).toEqual({ 'tdm-reservation': '1' })
  })

  it('writes tdmrep.json for the whole site', () => {
    expect(toTdmRepJson(reserved)).toEqual([{ location: '/*', 'tdm-reservation': 1, 'tdm-policy': 'https://news.example/licensing' }])
    expect(toTdmRepJson(allowed)).toEqual([{ location: '/*', 'tdm-reservation': 0 }])
  })

  it('links the site policy, else the TDMRep file', () => {
    expect(tdmPolicyUrl(reserved, ORIGIN)).toBe('https://news.example/licensing')
    expect(tdmPolicyUrl(reservedNoPolicy, ORIGIN)).toBe(`${ORIGIN}/.well-known/tdmrep.json`)
  })
})

describe('robots.txt', () => {
  it('turns every AI crawler away by name in one group when reserved', () => {
    const robots = renderRobots(reserved, ORIGIN)
    const aiGroup = robots.split('\n\n').find((group) => group.includes('GPTBot'))
    expect(aiGroup?.split('\n')).toEqual([...AI_CRAWLERS.map((agent) => `User-agent: ${agent}`), 'Disallow: /'])
  })

  it('lets everyone in except the admin and preview, and names the sitemaps', () => {
    expect(renderRobots(allowed, ORIGIN)).toBe(
      ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /next/', '', `Sitemap: ${ORIGIN}/sitemap.xml`, `Sitemap: ${ORIGIN}/news-sitemap.xml`, ''].join('\n'),
    )
  })
})
