import { describe, expect, it } from '@jest/globals'

import { toSafeHttpUrl } from '../../src/licensing/safeUrl'
import { validateOptionalHttpUrl } from '../../src/lib/validation/url'

describe('validateOptionalHttpUrl', () => {
  it.each(['', null, undefined, 'http://kremlin.ru/', 'https://creativecommons.org/licenses/by/4.0/'])('accepts %p', (value) => {
    expect(validateOptionalHttpUrl(value)).toBe(true)
  })

  it.each(['javascript:alert(1)', 'kremlin.ru', '/relative', 'ftp://example.com/'])('refuses %p as not a web address', (value) => {
    expect(validateOptionalHttpUrl(value)).toBe('Enter a full web address starting with http:// or https://')
  })

  it.each(['https://kremlin.ru@evil.example/', 'https://user:pw@example.com/', 'http://:pw@example.com/'])('refuses credentials in %p', (value) => {
    expect(validateOptionalHttpUrl(value)).toMatch(/^Leave out the user name and password/)
  })

  it('accepts exactly what the credit renderer links to', () => {
    for (const value of ['https://a.example/x', 'https://u@a.example/', 'javascript:x', 'https://a.example:8080/p?q#f', 'http://[::1]/']) {
      expect(validateOptionalHttpUrl(value) === true).toBe(toSafeHttpUrl(value) !== null)
    }
  })
})
