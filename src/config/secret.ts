import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export type SecretSource = 'environment' | 'file' | 'generated'

type ResolveSecretArgs = {
  fromEnv: string | undefined
  filePath: string
  log?: (message: string) => void
}

const MIN_LENGTH = 32

/**
 * PAYLOAD_SECRET signs sessions. A fresh clone has none, so the first run creates a strong one
 * in a git-ignored file only the owner can read, and later runs reuse it (sessions survive restarts).
 */
export function resolvePayloadSecret({ fromEnv, filePath, log = console.warn }: ResolveSecretArgs): {
  secret: string
  source: SecretSource
} {
  if (fromEnv) {
    if (fromEnv.length < MIN_LENGTH) {
      throw new Error(`PAYLOAD_SECRET must be at least ${MIN_LENGTH} characters long; generate one with: openssl rand -base64 48`)
    }
    return { secret: fromEnv, source: 'environment' }
  }
  const stored = readSecretFile(filePath)
  if (stored) return { secret: stored, source: 'file' }

  const secret = randomBytes(48).toString('base64url')
  fs.mkdirSync(path.dirname(filePath), { recursive: true })
  try {
    // 'wx' fails if another process created the file first; then use theirs.
    fs.writeFileSync(filePath, `${secret}\n`, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const theirs = readSecretFile(filePath)
      if (theirs) return { secret: theirs, source: 'file' }
    }
    throw new Error(`Could not store a generated PAYLOAD_SECRET in ${filePath}`, { cause: error })
  }
  log(`PAYLOAD_SECRET was not set: generated a new one and stored it in ${filePath} (mode 600, git-ignored).`)
  return { secret, source: 'generated' }
}

function readSecretFile(filePath: string): string | undefined {
  try {
    const value = fs.readFileSync(filePath, 'utf8').trim()
    return value.length >= MIN_LENGTH ? value : undefined
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new Error(`Could not read PAYLOAD_SECRET from ${filePath}`, { cause: error })
  }
}
