import { describe, expect, it } from '@jest/globals'

import { releaseBuffer, releaseUploadCopies } from '../../../src/lib/images/releaseBuffer'

describe('releaseBuffer', () => {
  it('detaches a buffer that owns its memory, so its bytes are no longer held through it', () => {
    const upload = Buffer.alloc(1024 * 1024, 7)
    const arrayBuffer = upload.buffer
    releaseBuffer(upload)
    expect(upload.length).toBe(0)
    expect(arrayBuffer.byteLength).toBe(0)
  })

  it('leaves a slice of Node’s shared pool and a view into other bytes alone', () => {
    const pooled = Buffer.from('a short string lives in the shared pool')
    const whole = Buffer.alloc(4096, 1)
    const view = whole.subarray(10, 20)
    releaseBuffer(pooled)
    releaseBuffer(view)
    expect(pooled.toString()).toBe('a short string lives in the shared pool')
    expect(view.length).toBe(10)
    expect(whole.length).toBe(4096)
  })

  it('does nothing to a buffer already released', () => {
    const upload = Buffer.alloc(1024 * 1024)
    releaseBuffer(upload)
    expect(() => releaseBuffer(upload)).not.toThrow()
  })
})

describe('releaseUploadCopies', () => {
  it('releases the upload a request carried and the copy kept without its location', () => {
    const upload = Buffer.alloc(1024 * 1024, 1)
    const kept = Buffer.alloc(1024 * 1024, 2)
    releaseUploadCopies('REST', upload, kept)
    expect([upload.length, kept.length]).toEqual([0, 0])
  })

  it('leaves a Local API caller its own buffer, and releases the kept copy', () => {
    const upload = Buffer.alloc(1024 * 1024, 1)
    const kept = Buffer.alloc(1024 * 1024, 2)
    releaseUploadCopies('local', upload, kept)
    expect([upload.length, kept.length]).toEqual([1024 * 1024, 0])
    // Nothing to strip: the kept copy is the caller's buffer itself.
    releaseUploadCopies('local', upload, upload)
    expect(upload.length).toBe(1024 * 1024)
  })
})
