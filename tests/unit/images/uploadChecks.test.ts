import { describe, expect, it } from '@jest/globals'

import { safeUploadFilename } from '../../../src/lib/images/safeFilename'
import { checkUploadContent, findMarkup, hasDataAfterPngEnd, type UploadFacts } from '../../../src/lib/images/uploadContent'

const jpegFacts: UploadFacts = { declaredMimeType: 'image/jpeg', detectedMimeType: 'image/jpeg', decodedFormat: 'jpeg', compression: undefined, width: 1200, height: 800 }
const someBytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])

describe('upload content', () => {
  it('accepts an image whose three readings agree', () => {
    expect(checkUploadContent(someBytes, jpegFacts, 50e6)).toBe('jpeg')
    expect(checkUploadContent(someBytes, { ...jpegFacts, declaredMimeType: 'image/avif', detectedMimeType: 'image/avif', decodedFormat: 'heif', compression: 'av1' }, 50e6)).toBe('avif')
  })

  it('refuses what sharp cannot decode as a supported image (SVG, HTML, HEIC)', () => {
    expect(() => checkUploadContent(someBytes, { ...jpegFacts, declaredMimeType: 'image/svg+xml', detectedMimeType: 'application/xml', decodedFormat: 'svg' }, 50e6)).toThrow(
      'This file is not allowed: it is not a JPEG, PNG, WebP or AVIF image (declared as image/svg+xml). SVG, HTML and other files are not accepted.',
    )
    expect(() => checkUploadContent(someBytes, { ...jpegFacts, declaredMimeType: 'text/html', detectedMimeType: undefined, decodedFormat: undefined }, 50e6)).toThrow('not a JPEG, PNG, WebP or AVIF image')
    expect(() => checkUploadContent(someBytes, { ...jpegFacts, declaredMimeType: 'image/avif', detectedMimeType: 'image/heic', decodedFormat: 'heif', compression: 'hevc' }, 50e6)).toThrow('not a JPEG, PNG, WebP or AVIF image')
  })

  it('refuses a declared type or magic bytes that disagree with the decoded image', () => {
    expect(() => checkUploadContent(someBytes, { ...jpegFacts, declaredMimeType: 'image/png' }, 50e6)).toThrow("The file's content (image/jpeg) does not match its declared type (image/png)")
    expect(() => checkUploadContent(someBytes, { ...jpegFacts, detectedMimeType: 'application/pdf' }, 50e6)).toThrow('does not match')
  })

  it('refuses markup hidden in an image (polyglots)', () => {
    for (const markup of ['<script>alert(1)</script>', '<html><body>', '<svg xmlns="http://www.w3.org/2000/svg">', '<?php echo 1; ?>', '<!DOCTYPE html>']) {
      const polyglot = Buffer.concat([someBytes, Buffer.from(markup)])
      expect(() => checkUploadContent(polyglot, jpegFacts, 50e6)).toThrow('contains web page or script content')
    }
    expect(findMarkup(Buffer.from('a photo of <3 scripts, <htm'))).toBeNull()
  })

  it('refuses data glued after a PNG’s end', () => {
    const iend = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])
    expect(hasDataAfterPngEnd(Buffer.concat([Buffer.from('\x89PNG'), iend]))).toBe(false)
    const glued = Buffer.concat([Buffer.from('\x89PNG'), iend, Buffer.from('PK\x03\x04zip')])
    expect(() => checkUploadContent(glued, { ...jpegFacts, declaredMimeType: 'image/png', detectedMimeType: 'image/png', decodedFormat: 'png' }, 50e6)).toThrow('other data appended')
  })

  it('refuses more pixels than the limit (decompression bombs), saying how many', () => {
    expect(() => checkUploadContent(someBytes, { ...jpegFacts, width: 50_000, height: 50_000 }, 50e6)).toThrow(
      'The image is 50000 × 50000 pixels (2500.0 megapixels); the most accepted is 50 megapixels. Resize it and upload again.',
    )
    expect(checkUploadContent(someBytes, { ...jpegFacts, width: 10_000, height: 5_000 }, 50e6)).toBe('jpeg')
  })
})

describe('upload file names', () => {
  it.each([
    ['keeps any script', 'Фото Кремля 新华社.JPG', 'jpeg', 'Фото Кремля 新华社.jpg'],
    ['normalizes to composed characters', 'e\u0301te\u0301.png', 'png', 'été.png'],
    ['drops path parts', '../../etc/passwd.jpg', 'jpeg', 'passwd.jpg'],
    ['drops Windows path parts', '..\\..\\windows\\win.ini.png', 'png', 'win.ini.png'],
    ['names a bare dot-dot', '..', 'png', 'image.png'],
    ['collapses dot-dot inside a name', 'a..b.jpg', 'jpeg', 'a.b.jpg'],
    ['drops leading dots', '.hidden.jpg', 'jpeg', 'hidden.jpg'],
    ['drops control characters', 'photo\u0000\n\r\t.jpg', 'jpeg', 'photo.jpg'],
    ['drops bidi overrides that disguise an extension', 'invoice\u202Egpj.exe', 'jpeg', 'invoicegpj.jpg'],
    ['replaces shell and wildcard characters', 'a<b>c:d*e?f"g|h.png', 'png', 'a-b-c-d-e-f-g-h.png'],
    ['renames a reserved device name', 'CON.jpg', 'jpeg', 'CON-image.jpg'],
    ['renames a reserved device name in any case', 'lpt1.png', 'png', 'lpt1-image.png'],
    ['names the real format, whatever the upload claimed', 'photo.png', 'jpeg', 'photo.jpg'],
    ['adds a missing extension', 'photo', 'avif', 'photo.avif'],
  ] as const)('%s', (_rule, name, format, expected) => {
    expect(safeUploadFilename(name, format)).toBe(expected)
  })

  it('caps the length in bytes without splitting a character', () => {
    const name = safeUploadFilename(`${'ж'.repeat(300)}.jpg`, 'jpeg')
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(184)
    expect(name).toMatch(/^ж+\.jpg$/)
  })
})
