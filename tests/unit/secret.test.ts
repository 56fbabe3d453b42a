import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'

import { resolvePayloadSecret } from '../../src/config/secret'

describe('resolvePayloadSecret', () => {
  let dir: string
  let file: string
  const messages: string[] = []
  const log = (message: string) => messages.push(message)

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-test-'))
    file = path.join(dir, 'nested', 'payload-secret')
    messages.length = 0
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('prefers the environment and writes nothing', () => {
    const fromEnv = 'x'.repeat(40)
    expect(resolvePayloadSecret({ fromEnv, filePath: file, log })).toEqual({ secret: fromEnv, source: 'environment' })
    expect(fs.existsSync(file)).toBe(false)
  })

  it('refuses a short secret from the environment', () => {
    expect(() => resolvePayloadSecret({ fromEnv: 'short', filePath: file, log })).toThrow(/at least 32 characters/)
  })

  it('generates a strong secret once, stores it owner-only, logs it, and reuses it', () => {
    const first = resolvePayloadSecret({ fromEnv: undefined, filePath: file, log })
    expect(first.source).toBe('generated')
    expect(first.secret.length).toBeGreaterThanOrEqual(64)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(messages.join('\n')).toMatch(/generated a new one and stored it in .*payload-secret/)

    const second = resolvePayloadSecret({ fromEnv: undefined, filePath: file, log })
    expect(second).toEqual({ secret: first.secret, source: 'file' })
    expect(messages).toHaveLength(1)
  })

  it('refuses to overwrite an existing file too short to be a secret', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, 'tiny')
    expect(() => resolvePayloadSecret({ fromEnv: undefined, filePath: file, log })).toThrow(/Could not store/)
  })
})
