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
  it('keeps names in any script', () => {
    expect(safeUploadFilename('Фото Кремля 新华社.JPG', 'jpeg')).toBe('Фото Кремля 新华社.jpg')
    expect(safeUploadFilename('e\u0301te\u0301.png', 'png')).toBe('été.png')
  })

  it('drops path parts and dot-dot', () => {
    expect(safeUploadFilename('../../etc/passwd.jpg', 'jpeg')).toBe('passwd.jpg')
    expect(safeUploadFilename('..\\..\\windows\\win.ini.png', 'png')).toBe('win.ini.png')
    expect(safeUploadFilename('..', 'png')).toBe('image.png')
    expect(safeUploadFilename('a..b.jpg', 'jpeg')).toBe('a.b.jpg')
    expect(safeUploadFilename('.hidden.jpg', 'jpeg')).toBe('hidden.jpg')
  })

  it('drops control and bidi characters, and shell and wildcard characters', () => {
    expect(safeUploadFilename('photo\u0000\n\r\t.jpg', 'jpeg')).toBe('photo.jpg')
    expect(safeUploadFilename('invoice\u202Egpj.exe', 'jpeg')).toBe('invoicegpj.jpg')
    expect(safeUploadFilename('a<b>c:d*e?f"g|h.png', 'png')).toBe('a-b-c-d-e-f-g-h.png')
  })

  it('renames reserved device names', () => {
    expect(safeUploadFilename('CON.jpg', 'jpeg')).toBe('CON-image.jpg')
    expect(safeUploadFilename('lpt1.png', 'png')).toBe('lpt1-image.png')
  })

  it('names the real format, whatever the upload claimed', () => {
    expect(safeUploadFilename('photo.png', 'jpeg')).toBe('photo.jpg')
    expect(safeUploadFilename('photo', 'avif')).toBe('photo.avif')
  })

  it('caps the length in bytes without splitting a character', () => {
    const name = safeUploadFilename(`${'ж'.repeat(300)}.jpg`, 'jpeg')
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(184)
    expect(name).toMatch(/^ж+\.jpg$/)
  })
})
