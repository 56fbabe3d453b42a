import { describe, expect, it } from '@jest/globals'

import { findUploadNodes, linkedArticle, paragraphsToLexical, uploadIdsOf } from '../../src/lib/richText'

describe('paragraphsToLexical', () => {
  it('makes one paragraph node per paragraph, text verbatim', () => {
    const doc = paragraphsToLexical(['First “quoted” paragraph.', 'Второй абзац.'])
    expect(doc.root.type).toBe('root')
    expect(doc.root.children).toHaveLength(2)
    expect(doc.root.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph'])
    expect(doc.root.children[1]?.children[0]?.text).toBe('Второй абзац.')
  })
})

const upload = (value: unknown, relationTo = 'media') => ({ type: 'upload', relationTo, value, fields: null, format: '', version: 3 })

describe('uploadIdsOf', () => {
  it('finds every image placed in the body, populated or not, nested or not, each once in reading order', () => {
    const body = {
      root: {
        type: 'root',
        children: [
          upload(5),
          { type: 'paragraph', children: [{ type: 'text', text: 'x' }] },
          { type: 'listitem', children: [upload({ id: 'm-7', url: '/x.jpg' })] },
          upload(5),
          upload(3, 'other'),
        ],
      },
    }
    expect(uploadIdsOf(body, 'media')).toEqual([5, 'm-7'])
    expect(findUploadNodes(body)).toHaveLength(4)
  })

  it('finds nothing in plain text or in no body at all', () => {
    expect(uploadIdsOf(paragraphsToLexical(['a', 'b']), 'media')).toEqual([])
    expect(uploadIdsOf(undefined, 'media')).toEqual([])
    expect(uploadIdsOf({ root: null }, 'media')).toEqual([])
  })
})

describe('linkedArticle', () => {
  it('links a populated, published article by its same-origin path', () => {
    expect(linkedArticle({ relationTo: 'articles', value: { id: 1, slug: 'a b', headline: 'H', _status: 'published' } })).toEqual({ path: '/articles/a%20b', headline: 'H' })
  })

  it('gives nothing for an id only (the reader may not see it), a draft, or another collection', () => {
    expect(linkedArticle({ relationTo: 'articles', value: 4 })).toBeNull()
    expect(linkedArticle({ relationTo: 'articles', value: { id: 4, slug: 'secret', headline: 'Secret', _status: 'draft' } })).toBeNull()
    expect(linkedArticle({ relationTo: 'users', value: { id: 4, slug: 'x', _status: 'published' } })).toBeNull()
    expect(linkedArticle(null)).toBeNull()
  })
})
