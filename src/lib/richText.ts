import type { Id } from '@/lib/id'
import { articlePath } from './urls'

/**
 * The smallest Lexical editor state Payload's rich-text field accepts: one paragraph node per
 * paragraph of plain text. Used by the seed; editors then work in the Lexical editor.
 */
export type LexicalTextNode = {
  type: 'text'
  text: string
  detail: 0
  format: 0
  mode: 'normal'
  style: ''
  version: 1
}

export type LexicalParagraphNode = {
  type: 'paragraph'
  children: LexicalTextNode[]
  direction: 'ltr'
  format: ''
  indent: 0
  textFormat: 0
  textStyle: ''
  version: 1
}

export type LexicalDocument = {
  root: {
    type: 'root'
    children: LexicalParagraphNode[]
    direction: 'ltr'
    format: ''
    indent: 0
    version: 1
  }
}

export function paragraphsToLexical(paragraphs: readonly string[]): LexicalDocument {
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        version: 1,
        children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
      })),
    },
  }
}

type NodeLike = { type?: unknown; children?: unknown; [key: string]: unknown }

/** A reference to a document inside rich text: an id, or the document when it was populated. */
export type RichTextReference = { relationTo: string; value: unknown }

const isNode = (value: unknown): value is NodeLike => typeof value === 'object' && value !== null && !Array.isArray(value)

function* walk(node: unknown): Generator<NodeLike> {
  if (!isNode(node)) return
  yield node
  if (Array.isArray(node.children)) for (const child of node.children) yield* walk(child)
}

/** Every upload node of a rich-text value, in reading order (an image, populated or not). */
export function findUploadNodes(body: unknown): RichTextReference[] {
  const root = isNode(body) ? body.root : null
  return [...walk(root)].flatMap((node) => (node.type === 'upload' && typeof node.relationTo === 'string' ? [{ relationTo: node.relationTo, value: node.value }] : []))
}

/** The id behind a reference, populated or not; null for anything else. */
export function referenceId(value: unknown): Id | null {
  const id = isNode(value) ? value.id : value
  return typeof id === 'number' || typeof id === 'string' ? id : null
}

/** The ids of the `collection` documents a rich-text value shows as uploads, each once, in reading order. */
export function uploadIdsOf(body: unknown, collection: string): Id[] {
  const ids = findUploadNodes(body).flatMap((node) => (node.relationTo === collection ? [referenceId(node.value)] : []))
  return [...new Set(ids.filter((id): id is Id => id !== null))]
}

/**
 * Where a rich-text reference to an article leads readers: its page, when the reference was
 * populated (access let the reader see the article) and the article is published; null
 * otherwise, so nothing of an unpublished article (slug, headline) reaches the page.
 */
export function linkedArticle(reference: Partial<RichTextReference> | null | undefined): { path: string; headline: string } | null {
  if (reference?.relationTo !== 'articles' || !isNode(reference.value)) return null
  const { slug, headline, _status: status } = reference.value
  if (status !== 'published' || typeof slug !== 'string' || slug === '') return null
  return { path: articlePath(slug), headline: typeof headline === 'string' ? headline : '' }
}
