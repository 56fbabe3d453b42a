import { formatCopyrightNotice, formatCreditText, toSafeHttpUrl } from '@/licensing'
import type { CreditSubject } from '@/licensing/types'

/**
 * What one served file's Content Credentials say, as plain data for the SDK's builder: the
 * upload as ingredient, what the publication did to it, the credit and license (the same
 * wording as the XMP and the JSON-LD), and the site's text-and-data-mining terms.
 */

export const UPLOAD_INGREDIENT = 'upload'

/** Who made the manifests: this software. */
export const CLAIM_GENERATOR = { name: 'publication', version: '0.1.0' } as const
export const CREATIVE_WORK = 'stds.schema-org.CreativeWork'
export const TRAINING_MINING = 'cawg.training-mining'

/** The uses CAWG's training and data mining assertion names. */
export const MINING_USES = ['cawg.ai_generative_training', 'cawg.ai_inference', 'cawg.ai_training', 'cawg.data_mining'] as const

export type FileProvenance = {
  /** The served file's name and type. */
  title: string
  mimeType: string
  /** The upload it was made from. */
  upload: { title: string; mimeType: string }
  cropped: boolean
  /** Scaled to this width; null for the upload's own size. */
  resizedToWidth: number | null
  credit: CreditSubject
  miningReserved: boolean
  /** The IPTC digital source type, when the upload's own manifest states one. */
  digitalSourceType: string | null
  /** ISO time of signing. */
  when: string
}

export type ManifestAction = { action: string; when: string; description?: string; digitalSourceType?: string; parameters?: Record<string, unknown> }
export type ManifestPlan = {
  definition: Record<string, unknown>
  actions: ManifestAction[]
  assertions: Array<{ label: string; data: Record<string, unknown> }>
}

const FORMAT_NAMES: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP', 'image/avif': 'AVIF' }

function compact<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null && value !== '')) as Partial<T>
}

/** schema.org CreativeWork with the credit, in the words of the XMP packet and the ImageObject. */
export function creativeWorkOf(credit: CreditSubject): Record<string, unknown> {
  const creator = credit.creator?.trim()
  return compact({
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    name: credit.title?.trim(),
    author: creator ? [compact({ '@type': 'Organization', name: creator, url: toSafeHttpUrl(credit.creatorUrl) })] : undefined,
    url: toSafeHttpUrl(credit.sourceUrl),
    license: toSafeHttpUrl(credit.license?.deedUrl),
    creditText: formatCreditText(credit) || undefined,
    copyrightNotice: formatCopyrightNotice(credit),
  })
}

/** Every AI and mining use: notAllowed while the site reserves mining, allowed otherwise. */
export function trainingMiningOf(reserved: boolean): Record<string, unknown> {
  const use = reserved ? 'notAllowed' : 'allowed'
  return { entries: Object.fromEntries(MINING_USES.map((name) => [name, { use }])) }
}

export function toManifestPlan(file: FileProvenance): ManifestPlan {
  const { when } = file
  const actions: ManifestAction[] = [
    {
      action: 'c2pa.opened',
      when,
      ...(file.digitalSourceType ? { digitalSourceType: file.digitalSourceType } : {}),
      parameters: { ingredientIds: [UPLOAD_INGREDIENT] },
    },
  ]
  if (file.cropped) actions.push({ action: 'c2pa.cropped', when, description: 'Cropped to the region an editor chose' })
  if (file.resizedToWidth) actions.push({ action: 'c2pa.resized', when, description: `Resized to ${file.resizedToWidth} pixels wide` })
  if (file.mimeType !== file.upload.mimeType) actions.push({ action: 'c2pa.converted', when, description: `Encoded as ${FORMAT_NAMES[file.mimeType] ?? file.mimeType}` })
  actions.push({
    action: 'c2pa.edited.metadata',
    when,
    description: 'Wrote the credit and license (XMP, EXIF); removed location, camera and other metadata of the upload',
  })
  return {
    definition: {
      title: file.title,
      format: file.mimeType,
      claim_generator_info: [CLAIM_GENERATOR],
      assertions: [],
    },
    actions,
    assertions: [
      { label: CREATIVE_WORK, data: creativeWorkOf(file.credit) },
      { label: TRAINING_MINING, data: trainingMiningOf(file.miningReserved) },
    ],
  }
}
