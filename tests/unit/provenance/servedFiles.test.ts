import { describe, expect, it } from '@jest/globals'

import type { Media } from '../../../src/payload-types'
import { recordedFilesOf } from '../../../src/provenance/servedFiles'

const size = (filename: string, width: number, mimeType: string) => ({ filename, width, height: width, mimeType, filesize: 1, url: null })

describe('the files a media record lists, for re-signing them as they are', () => {
  it('lists the original and every written size once, with its format and width', () => {
    const media = {
      filename: 'photo.webp',
      mimeType: 'image/webp',
      sourceCrop: { left: 10, top: 0, width: 100, height: 80 },
      sizes: { w320: size('photo-w320.webp', 320, 'image/webp'), w320_webp: size('photo-w320.webp', 320, 'image/webp'), w320_avif: size('photo-w320.avif', 320, 'image/avif'), w480: { filename: null, width: null } },
    } as unknown as Pick<Media, 'filename' | 'mimeType' | 'sizes' | 'sourceCrop'>
    expect(recordedFilesOf(media)).toEqual({
      uploadFormat: 'webp',
      cropped: true,
      files: [
        { file: 'photo.webp', format: 'webp', width: null, sizeNames: [] },
        { file: 'photo-w320.webp', format: 'webp', width: 320, sizeNames: ['w320', 'w320_webp'] },
        { file: 'photo-w320.avif', format: 'avif', width: 320, sizeNames: ['w320_avif'] },
      ],
    })
  })

  it('has nothing to re-sign without an original of a known format', () => {
    expect(recordedFilesOf({ filename: null, mimeType: 'image/jpeg', sizes: {}, sourceCrop: {} } as Pick<Media, 'filename' | 'mimeType' | 'sizes' | 'sourceCrop'>)).toBeNull()
    expect(recordedFilesOf({ filename: 'a.gif', mimeType: 'image/gif', sizes: {}, sourceCrop: {} } as Pick<Media, 'filename' | 'mimeType' | 'sizes' | 'sourceCrop'>)).toBeNull()
  })
})
