import { describe, expect, it } from '@jest/globals'

import { chooseWorkerAllocator, JEMALLOC_CONF, JEMALLOC_PATHS } from '../../../src/collections/Media/files/workerAllocator'

const installed =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file)

describe('the image worker’s memory allocator', () => {
  it('preloads jemalloc where Debian installs it, told to return freed memory at once', () => {
    expect(chooseWorkerAllocator('auto', installed(JEMALLOC_PATHS[0]))).toEqual({
      name: 'jemalloc',
      library: JEMALLOC_PATHS[0],
      env: { LD_PRELOAD: JEMALLOC_PATHS[0], MALLOC_CONF: JEMALLOC_CONF },
    })
    expect(chooseWorkerAllocator('auto', installed(JEMALLOC_PATHS[1]))).toMatchObject({ name: 'jemalloc', library: JEMALLOC_PATHS[1] })
    expect(JEMALLOC_CONF).toContain('dirty_decay_ms:0')
  })

  it('falls back to glibc with one arena and freed blocks trimmed when jemalloc is not installed', () => {
    const glibc = chooseWorkerAllocator('auto', installed())
    expect(glibc).toEqual({ name: 'glibc', env: { MALLOC_ARENA_MAX: '1', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' } })
    expect(glibc.env).not.toHaveProperty('LD_PRELOAD')
  })

  it('uses glibc when told to, even with jemalloc installed', () => {
    expect(chooseWorkerAllocator('glibc', installed(...JEMALLOC_PATHS))).toMatchObject({ name: 'glibc' })
  })

  it('keeps a library the server was already started with, and does not list jemalloc twice', () => {
    const exists = installed(JEMALLOC_PATHS[0])
    expect(chooseWorkerAllocator('auto', exists, '/opt/trace.so')).toMatchObject({ env: { LD_PRELOAD: `/opt/trace.so ${JEMALLOC_PATHS[0]}` } })
    expect(chooseWorkerAllocator('auto', exists, JEMALLOC_PATHS[0])).toMatchObject({ env: { LD_PRELOAD: JEMALLOC_PATHS[0] } })
  })
})
