import { z } from 'zod'

/** An export archive: `content.json` plus each upload's file under `files/<collection>/`. */
export const CONTENT_FILE = 'content.json'
export const filePathInArchive = (collection: string, filename: string) => `files/${collection}/${filename}`

const exportedDocument = z.object({
  id: z.union([z.number(), z.string()]),
  /** The document as readers of the main record see it (the published state when there is one). */
  data: z.record(z.string(), z.unknown()),
  /** A newer unpublished draft, when there is one. */
  draft: z.record(z.string(), z.unknown()).optional(),
  /** For uploads: the untouched original, inside the archive. */
  file: z.object({ path: z.string(), sha256: z.string(), bytes: z.number() }).optional(),
  /** For accounts, only with --with-passwords. */
  password: z.object({ hash: z.string(), salt: z.string() }).optional(),
})

export const contentSchema = z.object({
  format: z.literal('publication-export'),
  version: z.literal(1),
  createdAt: z.string(),
  /** In import order: each collection after those it references. */
  collections: z.array(z.object({ slug: z.string(), documents: z.array(exportedDocument) })),
  globals: z.record(z.string(), z.record(z.string(), z.unknown())),
})

export type ExportedContent = z.infer<typeof contentSchema>
export type ExportedDocument = z.infer<typeof exportedDocument>
