import { describe, expect, it } from '@jest/globals'
import { ALL_RIGHTS_RESERVED } from '../../../src/licensing/catalog'
import { renderCreditHtml } from '../../../src/licensing/creditHtml'
import { formatCreditText } from '../../../src/licensing/creditText'
import type { CreditSubject } from '../../../src/licensing/types'
import { IMAGE_URL, firstPhoto, license } from './fixtures'
import { assertBalanced, attributeValues, tagNames, visibleText } from './markup'

// RDFa 1.1 in HTML5 declares prefixes with @prefix; xmlns:* is invalid HTML.
const ROOT_NS = 'prefix="cc: http://creativecommons.org/ns# dct: http://purl.org/dc/terms/"'
const render = (subject: CreditSubject, imageUrl = IMAGE_URL): string => renderCreditHtml(subject, { imageUrl })

const HOSTILE_CREATOR = `"onmouseover="alert(1)" x='<script>alert("x")</script> & co`

const subjects: Record<string, CreditSubject> = {
  firstPhoto,
  titledCropped: {
    title: 'Talks in Beijing',
    creator: 'Jane Doe',
    creatorUrl: 'https://jane.example/',
    sourceUrl: 'https://commons.example/File:Talks.jpg',
    changes: 'Cropped from original',
    license: license('CC-BY-SA-4.0'),
  },
  noUrls: { title: 'Sunset', creator: 'Jane Doe', license: license('CC-BY-4.0') },
  cc0: { creator: '新华社', license: license('CC0-1.0') },
  arabic: { title: 'القمة', creator: 'وكالة الأنباء السعودية', sourceUrl: 'https://spa.example/1', license: license('CC-BY-4.0') },
  allRightsReserved: { creator: 'Reuters', license: ALL_RIGHTS_RESERVED, permissionNote: 'Contract 17' },
  hostile: {
    title: '<img src=x onerror=alert(1)>',
    creator: HOSTILE_CREATOR,
    creatorUrl: 'javascript:alert(1)',
    sourceUrl: 'https://example.com/"><script>alert(1)</script>',
    changes: '</span><script>alert(2)</script>',
    license: license('CC-BY-4.0'),
  },
  licenseOnly: { license: license('CC-BY-NC-4.0'), sourceUrl: 'https://example.com/p' },
  messyWhitespace: { title: '  a \n b ', creator: '\tJane   Doe ', changes: ' cropped ', license: license('CC-BY-4.0') },
}

describe('renderCreditHtml', () => {
  it('renders the first photo exactly, with CC REL RDFa', () => {
    expect(render(firstPhoto)).toBe(
      `<span about="${IMAGE_URL}" ${ROOT_NS}>` +
        '<a href="http://en.kremlin.ru/events/president/news/74050">Photo</a>: ' +
        '<a href="http://en.kremlin.ru/" property="cc:attributionName" rel="cc:attributionURL dct:creator" dir="auto">' +
        'Официальный веб-сайт Президента Российской Федерации</a>, ' +
        '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' +
        '</span>',
    )
  })

  it('links the title to the source as dct:source and adds the change note when changed', () => {
    expect(render(subjects.titledCropped!)).toBe(
      `<span about="${IMAGE_URL}" ${ROOT_NS}>“` +
        '<span property="dct:title" dir="auto"><a href="https://commons.example/File:Talks.jpg" rel="dct:source">Talks in Beijing</a></span>' +
        '” by <a href="https://jane.example/" property="cc:attributionName" rel="cc:attributionURL dct:creator" dir="auto">Jane Doe</a>, ' +
        '<a href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license">CC BY-SA 4.0</a>. Cropped from original.</span>',
    )
  })

  it('does not claim dct:source when nothing was changed', () => {
    const html = render({ ...subjects.titledCropped!, changes: null })
    expect(html).toContain('<a href="https://commons.example/File:Talks.jpg">Talks in Beijing</a>')
    expect(html).not.toContain('dct:source')
  })

  it('degrades missing URLs to plain text spans, never empty links', () => {
    expect(render(subjects.noUrls!)).toBe(
      `<span about="${IMAGE_URL}" ${ROOT_NS}>“<span property="dct:title" dir="auto">Sunset</span>” by ` +
        '<span property="cc:attributionName" dir="auto">Jane Doe</span>, ' +
        '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a></span>',
    )
    const noSource = render({ creator: 'Jane Doe', license: license('CC-BY-4.0') })
    expect(noSource).toContain('>Photo: <span property="cc:attributionName"')
  })

  it('renders CC0 with the deed link and a public-domain note', () => {
    expect(render(subjects.cc0!)).toContain(
      '<a href="https://creativecommons.org/publicdomain/zero/1.0/" rel="license">CC0 1.0</a> (public domain)</span>',
    )
  })

  it('renders all rights reserved as text (no deed to link) and hides the permission note', () => {
    const html = render(subjects.allRightsReserved!)
    expect(html).toContain('<span property="dct:rights">All rights reserved</span>')
    expect(html).not.toContain('Contract')
    expect(html).not.toContain('rel="license"')
  })

  it('isolates RTL names with dir="auto"', () => {
    const html = render(subjects.arabic!)
    expect(html).toContain('<span property="dct:title" dir="auto"><a href="https://spa.example/1">القمة</a></span>')
    expect(html).toContain('<span property="cc:attributionName" dir="auto">وكالة الأنباء السعودية</span>')
  })

  it('escapes hostile text and drops unsafe URLs', () => {
    const html = render(subjects.hostile!)
    expect(tagNames(html).every((name) => name === 'span' || name === 'a')).toBe(true)
    expect(html).not.toMatch(/<script|<img|javascript:/i)
    // Escaped text may mention onerror=; no tag may carry an event handler attribute.
    for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).not.toMatch(/\son\w+=/i)
    expect(html).toContain(
      '<span property="cc:attributionName" dir="auto">&quot;onmouseover=&quot;alert(1)&quot; x=&#39;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</span>',
    )
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(attributeValues(html, 'href')).toEqual([
      'https://example.com/%22%3E%3Cscript%3Ealert(1)%3C/script%3E',
      'https://creativecommons.org/licenses/by/4.0/',
    ])
    assertBalanced(html)
  })

  it('escapes the about attribute and accepts root-relative image paths', () => {
    expect(render(firstPhoto, '/media/a"b.jpg')).toMatch(/^<span about="\/media\/a&quot;b\.jpg" /)
    expect(render(firstPhoto, 'https://news.example/a b.jpg')).toMatch(/^<span about="https:\/\/news\.example\/a%20b\.jpg" /)
  })

  it('leaves out about for unusable image URLs rather than scoping to garbage', () => {
    for (const bad of ['javascript:alert(1)', '//evil.example/x.jpg', '', 'a b']) {
      expect(render(firstPhoto, bad)).toMatch(new RegExp(`^<span ${ROOT_NS}>`))
    }
  })

  it('links the bare "Photo" label to the source when there is no title or creator', () => {
    expect(render(subjects.licenseOnly!)).toBe(
      `<span about="${IMAGE_URL}" ${ROOT_NS}><a href="https://example.com/p">Photo</a>: ` +
        '<a href="https://creativecommons.org/licenses/by-nc/4.0/" rel="license">CC BY-NC 4.0</a></span>',
    )
  })

  it('has no stray whitespace inside text values', () => {
    const html = render(subjects.messyWhitespace!)
    expect(html).toContain('<span property="dct:title" dir="auto">a b</span>')
    expect(html).toContain('<span property="cc:attributionName" dir="auto">Jane Doe</span>')
    // Text directly inside an element (the RDFa values) neither starts nor ends with a space.
    const values = [...html.matchAll(/<(?:a|span)\b[^>]*\s(?:property|rel)="[^"]*"[^>]*>([^<]+)</g)].map((m) => m[1] ?? '')
    expect(values).toEqual(['a b', 'Jane Doe', 'CC BY 4.0'])
    expect(html).not.toMatch(/\s{2}/)
  })

  it('never uses RDFa-breaking rel tokens or opens new windows', () => {
    for (const subject of Object.values(subjects)) {
      const html = render(subject)
      for (const rel of attributeValues(html, 'rel')) {
        expect(['license', 'dct:source', 'cc:attributionURL dct:creator']).toContain(rel)
      }
      expect(html).not.toContain('target=')
    }
  })

  it.each(Object.entries(subjects))('%s: visible text equals formatCreditText and markup is balanced', (_, subject) => {
    const html = render(subject)
    expect(visibleText(html)).toBe(formatCreditText(subject))
    assertBalanced(html)
    expect(html.startsWith('<span')).toBe(true)
    expect(html.endsWith('</span>')).toBe(true)
  })

  it('returns an empty string when there is nothing to credit', () => {
    expect(render({})).toBe('')
    expect(render({ changes: 'Cropped', sourceUrl: 'https://example.com/' })).toBe('')
  })
})
