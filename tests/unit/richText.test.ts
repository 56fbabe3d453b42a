import { describe, expect, it } from '@jest/globals'

import { lexicalToParagraphs, paragraphsToLexical } from '../../src/lib/richText'

describe('paragraphsToLexical', () => {
  it('makes one paragraph node per paragraph, text verbatim', () => {
    const doc = paragraphsToLexical(['First “quoted” paragraph.', 'Второй абзац.'])
    expect(doc.root.type).toBe('root')
    expect(doc.root.children).toHaveLength(2)
    expect(doc.root.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph'])
    expect(doc.root.children[1]?.children[0]?.text).toBe('Второй абзац.')
  })

  it('round-trips through lexicalToParagraphs', () => {
    const paragraphs = ['One.', 'Two, with ‘quotes’.', 'Three.']
    expect(lexicalToParagraphs(paragraphsToLexical(paragraphs))).toEqual(paragraphs)
  })

  it('reads nothing from an empty or missing document', () => {
    expect(lexicalToParagraphs(null)).toEqual([])
    expect(lexicalToParagraphs(paragraphsToLexical([]))).toEqual([])
  })
})
