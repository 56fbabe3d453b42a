import { describe, expect, it } from '@jest/globals'
import { toSafeHttpUrl } from '../../../src/licensing/safeUrl'

describe('toSafeHttpUrl', () => {
  it('accepts absolute http and https URLs and normalises them', () => {
    expect(toSafeHttpUrl('http://kremlin.ru')).toBe('http://kremlin.ru/')
    expect(toSafeHttpUrl('  https://en.kremlin.ru/events/president/news/74050  ')).toBe(
      'https://en.kremlin.ru/events/president/news/74050',
    )
    expect(toSafeHttpUrl('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b')
    expect(toSafeHttpUrl('http://кремль.рф/')).toMatch(/^http:\/\/xn--[a-z0-9-]+\.xn--p1ai\/$/)
  })

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['java\nscript:alert(1)'],
    [' javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['ftp://example.com/file'],
    ['mailto:editor@example.com'],
    ['/relative/path'],
    ['//example.com/protocol-relative'],
    ['example.com'],
    ['http://'],
    ['https://kremlin.ru@evil.example/'],
    ['not a url'],
    [''],
    ['   '],
  ])('rejects %j', (value) => {
    expect(toSafeHttpUrl(value)).toBeNull()
  })

  it('rejects non-strings', () => {
    expect(toSafeHttpUrl(null)).toBeNull()
    expect(toSafeHttpUrl(undefined)).toBeNull()
    expect(toSafeHttpUrl(42)).toBeNull()
    expect(toSafeHttpUrl({ href: 'https://example.com/' })).toBeNull()
  })

  it('escapes quotes so the result cannot break out of an attribute', () => {
    expect(toSafeHttpUrl('https://example.com/"onmouseover=alert(1)')).toBe(
      'https://example.com/%22onmouseover=alert(1)',
    )
  })
})
