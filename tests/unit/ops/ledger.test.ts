import { describe, expect, it } from '@jest/globals'

import { createLedger, findLoss, type ExpectedArticle } from '../../../src/ops/soak/ledger'

const article: ExpectedArticle = { kind: 'article', id: 7, slug: 'a', headline: 'A', standfirst: 'second', status: 'published', deleted: false }

describe('findLoss', () => {
  it('accepts a document that shows the last acknowledged write', () => {
    expect(findLoss(article, { status: 200, doc: { id: 7, headline: 'A', standfirst: 'second', _status: 'published' } })).toBeUndefined()
    expect(findLoss({ kind: 'media', id: 'abc', alt: 'x', filename: 'x.png' }, { status: 200, doc: { alt: 'x' }, fileStatus: 200 })).toBeUndefined()
  })

  it('reports an acknowledged update that did not stick, naming the field', () => {
    expect(findLoss(article, { status: 200, doc: { headline: 'A', standfirst: 'first', _status: 'published' } })?.problem).toBe('standfirst is "first", acknowledged "second"')
    expect(findLoss(article, { status: 200, doc: { headline: 'A', standfirst: 'second', _status: 'draft' } })?.problem).toContain('_status')
  })

  it('reports an image whose record is there but whose file is not', () => {
    expect(findLoss({ kind: 'media', id: 'abc', alt: 'x', filename: 'x.png' }, { status: 200, doc: { alt: 'x' }, fileStatus: 404 })?.problem).toBe('its file x.png gave 404')
  })

  it('reports a missing document, and a deleted one that came back', () => {
    expect(findLoss(article, { status: 404 })?.problem).toBe('reading it gave 404')
    expect(findLoss({ ...article, deleted: true }, { status: 404 })).toBeUndefined()
    expect(findLoss({ ...article, deleted: true }, { status: 200, doc: {} })?.problem).toBe('deleted, but reading it gave 200')
  })
})

describe('createLedger', () => {
  it('keeps the last acknowledged state per document and leaves uncertain ones out', () => {
    const ledger = createLedger()
    ledger.acknowledge({ ...article, standfirst: 'first' })
    ledger.acknowledge(article)
    ledger.acknowledge({ kind: 'media', id: 7, alt: 'same id, other collection', filename: 'x.png' })
    ledger.acknowledge({ ...article, id: 8 })
    ledger.markUncertain('article', 8)
    expect(ledger.entries()).toEqual([article, { kind: 'media', id: 7, alt: 'same id, other collection', filename: 'x.png' }])
    expect(ledger.counts()).toEqual({ acknowledgedWrites: 4, documents: 3, uncertain: 1 })
  })
})
