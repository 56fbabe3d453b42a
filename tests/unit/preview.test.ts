import { describe, expect, it } from '@jest/globals'

import { isPreviewablePath, isValidPreviewToken, previewToken, previewUrl } from '../../src/lib/preview'

const SECRET = 'a-test-secret-of-enough-length-for-hmac'

describe('preview links', () => {
  it('accept the token made for the same article', () => {
    expect(isValidPreviewToken(SECRET, '/articles/a', previewToken(SECRET, '/articles/a'))).toBe(true)
  })

  it('refuse article A’s token for article B', () => {
    expect(isValidPreviewToken(SECRET, '/articles/b', previewToken(SECRET, '/articles/a'))).toBe(false)
  })

  it('refuse a token made with another secret, or none', () => {
    expect(isValidPreviewToken(SECRET, '/articles/a', previewToken('another secret', '/articles/a'))).toBe(false)
    expect(isValidPreviewToken(SECRET, '/articles/a', null)).toBe(false)
  })

  it('build a link that carries the path and its token', () => {
    const url = new URL(previewUrl(SECRET, 'a'), 'http://localhost')
    expect(url.pathname).toBe('/next/preview')
    expect(isValidPreviewToken(SECRET, url.searchParams.get('path')!, url.searchParams.get('token'))).toBe(true)
  })

  it('open only the site’s own article pages', () => {
    expect(isPreviewablePath('/articles/a-1')).toBe(true)
    for (const path of ['https://evil.example/', '//evil.example', '/admin', '/articles/../admin', null]) expect(isPreviewablePath(path)).toBe(false)
  })
})
