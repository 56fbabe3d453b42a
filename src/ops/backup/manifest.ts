import { z } from 'zod'

/** Names inside a backup archive: the database snapshot, the two media folders, the manifest. */
export const ARCHIVE = { manifest: 'manifest.json', database: 'database.sqlite', media: 'media', originals: 'media-originals' } as const

const fileEntry = z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })

export const manifestSchema = z.object({
  format: z.literal('publication-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  files: z.array(fileEntry),
})

export type BackupManifest = z.infer<typeof manifestSchema>
export type ManifestFile = z.infer<typeof fileEntry>

/** Differences between what the manifest lists and what was found; empty when they agree. */
export function compareWithManifest(listed: readonly ManifestFile[], found: readonly ManifestFile[]): string[] {
  const foundByPath = new Map(found.map((file) => [file.path, file]))
  const problems = listed.flatMap((file) => {
    const actual = foundByPath.get(file.path)
    if (!actual) return [`${file.path} is missing`]
    return actual.sha256 === file.sha256 && actual.bytes === file.bytes ? [] : [`${file.path} does not match its checksum`]
  })
  const listedPaths = new Set(listed.map((file) => file.path))
  return [...problems, ...found.filter((file) => !listedPaths.has(file.path)).map((file) => `${file.path} is not in the manifest`)]
}
