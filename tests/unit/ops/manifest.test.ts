import { describe, expect, it } from '@jest/globals'

import { dataLocations } from '../../../src/ops/backup/locations'
import { compareWithManifest } from '../../../src/ops/backup/manifest'

const file = (path: string, sha: string) => ({ path, bytes: 3, sha256: sha.repeat(64) })

describe('compareWithManifest', () => {
  it('agrees when every file is there with its checksum', () => {
    expect(compareWithManifest([file('a', '1'), file('b', '2')], [file('b', '2'), file('a', '1')])).toEqual([])
  })

  it('names missing, altered and unlisted files', () => {
    expect(compareWithManifest([file('a', '1'), file('b', '2')], [file('a', '3'), file('c', '4')])).toEqual(['a does not match its checksum', 'b is missing', 'c is not in the manifest'])
  })
})

describe('dataLocations', () => {
  it('finds the SQLite file, media and kept originals', () => {
    expect(dataLocations({ database: { engine: 'sqlite', url: 'file:/srv/data/p.db', filePath: '/srv/data/p.db' }, mediaDir: '/srv/data/media' })).toEqual({
      databaseFile: '/srv/data/p.db',
      mediaDir: '/srv/data/media',
      originalsDir: '/srv/data/media-originals',
    })
  })

  it('sends MongoDB sites to mongodump', () => {
    expect(() => dataLocations({ database: { engine: 'mongodb', url: 'mongodb://db/p' }, mediaDir: '/m' })).toThrow(/mongodump/)
  })
})
