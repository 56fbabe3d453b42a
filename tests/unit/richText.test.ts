import { describe, expect, it } from '@jest/globals'

import { paragraphsToLexical } from '../../src/lib/richText'

describe('paragraphsToLexical', () => {
  it('makes one paragraph node per paragraph, text verbatim', () => {
    const doc = paragraphsToLexical(['First “quoted” paragraph.', 'Второй абзац.'])
    expect(doc.root.type).toBe('root')
    expect(doc.root.children).toHaveLength(2)
    expect(doc.root.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph'])
    expect(doc.root.children[1]?.children[0]?.text).toBe('Второй абзац.')
  })
})
