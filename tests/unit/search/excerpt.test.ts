import { describe, expect, it } from '@jest/globals'

import { buildExcerpt, escapeHtml, findMatches, mayMatch } from '../../../src/lib/search/excerpt'
import { lexicalToPlainText } from '../../../src/lib/search/plainText'
import { parseQuery, type Highlight } from '../../../src/lib/search/query'
import { paragraphsToLexical } from '../../../src/lib/richText'

function highlightsOf(text: string): Highlight[] {
  const result = parseQuery(text)
  if (!result.ok) throw new Error(result.message)
  return result.query.highlights
}

describe('findMatches', () => {
  it('finds inflected forms of a prefix regardless of case and diacritics', () => {
    const text = 'Визит Путина; PUTIN and Putín met.'
    const spans = findMatches(text, highlightsOf('путин putin'))
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['Путина', 'PUTIN', 'Putín'])
  })

  it('finds Chinese text inside a longer run', () => {
    const text = '国家主席习近平会见普京。'
    const spans = findMatches(text, highlightsOf('习近平 普京'))
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['习近平', '普京'])
  })

  it('finds every match in a long text, wherever its pieces are cut', () => {
    const words = Array.from({ length: 900 }, (_, index) => (index % 37 === 5 ? `Putin${'a'.repeat(index % 3)}` : index % 53 === 0 ? 'Zürich' : `word${index}`))
    const text = words.join(' ')
    const expected = [...text.matchAll(/Putin\w*|Zürich/g)].map((match) => match[0])
    expect(findMatches(text, highlightsOf('putin zurich')).map((span) => text.slice(span.start, span.end))).toEqual(expected)
    expect(expected.length).toBeGreaterThan(30)
  })

  it('matches phrase words whole, not as prefixes', () => {
    const text = 'red redder square'
    expect(findMatches(text, highlightsOf('"red square"')).map((span) => text.slice(span.start, span.end))).toEqual(['red', 'square'])
  })
})

describe('mayMatch', () => {
  it('rules out a text without the marks, without reading it word by word', () => {
    expect(mayMatch('Lorem ipsum dolor sit amet.', highlightsOf('putin 普京'))).toBe(false)
    expect(mayMatch('Визит Путина', highlightsOf('путин'))).toBe(true)
    expect(mayMatch('Putín, Zürich', highlightsOf('zurich'))).toBe(true)
    expect(mayMatch('会见普京。', highlightsOf('普京'))).toBe(true)
  })

  it('never rules out a text that holds a match (folding the whole text finds what word-by-word folding finds)', () => {
    const words = ['Путина', 'PUTIN', 'Putín', 'Zürich', 'ÆSIR', 'straße', 'Ångström', 'ﬁnal', '习近平', '普京会见', 'iPhone手机', 'naïve']
    const queries = ['путин', 'putin', 'zurich', 'aesir', 'strasse', 'angstrom', 'final', '习近平', '普京', '手机', 'naive', '"naive putin"']
    for (const query of queries) {
      for (let index = 0; index < words.length; index += 1) {
        const text = `${words[index]}, ${words[(index + 5) % words.length]} — ${words[(index + 7) % words.length]}.`
        const highlights = highlightsOf(query)
        if (findMatches(text, highlights).length > 0) expect(mayMatch(text, highlights)).toBe(true)
      }
    }
  })
})

describe('buildExcerpt', () => {
  it('marks the matches and escapes the text around them', () => {
    expect(buildExcerpt('Putin <b>& Xi</b> met in Beijing.', highlightsOf('xi beijing'))).toBe(
      'Putin &lt;b&gt;&amp; <mark>Xi</mark>&lt;/b&gt; met in <mark>Beijing</mark>.',
    )
  })

  it('starts near the first match deep in a long text, cutting at spaces, with ellipses', () => {
    const text = `${'lorem ipsum '.repeat(50)}the summit opened ${'dolor sit '.repeat(50)}`
    const excerpt = buildExcerpt(text, highlightsOf('summit'), 120)
    expect(excerpt.startsWith('…')).toBe(true)
    expect(excerpt.endsWith('…')).toBe(true)
    expect(excerpt).toContain('<mark>summit</mark>')
    expect(excerpt).not.toMatch(/…\S*[a-z]…/)
    expect(excerpt.length).toBeLessThan(160)
    expect(excerpt).toMatch(/^…(lorem|ipsum) /)
  })

  it('opens the text when nothing matches there (the match was in the headline)', () => {
    expect(buildExcerpt('Short body.', highlightsOf('headline'))).toBe('Short body.')
  })

  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })
})

describe('lexicalToPlainText', () => {
  it('joins paragraphs with line breaks and keeps links inline', () => {
    const document = paragraphsToLexical(['First paragraph.', 'Second one.']) as unknown as { root: { children: Array<{ children: unknown[] }> } }
    document.root.children[1]!.children.push({ type: 'link', children: [{ type: 'text', text: ' with a link' }] })
    expect(lexicalToPlainText(document)).toBe('First paragraph.\nSecond one. with a link')
  })

  it('gives an empty string for anything that is not a Lexical document', () => {
    expect(lexicalToPlainText(null)).toBe('')
    expect(lexicalToPlainText({ nope: true })).toBe('')
  })
})
