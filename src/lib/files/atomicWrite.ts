import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'

const TEMPORARY_SUFFIX = /\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/

/**
 * Written beside the target and renamed, so a reader never gets half a file. The temporary name
 * is unique: a publish may write an image's files while its upload's job writes the same ones.
 */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${target}.${randomUUID()}.tmp`
  await fs.writeFile(temporary, bytes)
  await fs.rename(temporary, target)
}

/** A write still in flight (or abandoned by a crash): never a file of its own. */
export function isTemporaryFile(name: string): boolean {
  return TEMPORARY_SUFFIX.test(name)
}
