/**
 * The words of a Lexical rich-text document, paragraph by paragraph: what search indexes and
 * excerpts quote. Formatting, links and embedded blocks' settings are not text readers search.
 */
type LexicalNode = { type?: unknown; text?: unknown; children?: unknown }

const BLOCK_BREAK = '\n'
/** Elements that sit inside a line of text; every other element with children is a block. */
const INLINE = new Set(['link', 'autolink'])

function textOf(node: LexicalNode): string {
  if (node.type === 'linebreak') return BLOCK_BREAK
  if (typeof node.text === 'string') return node.text
  if (!Array.isArray(node.children)) return ''
  const inner = (node.children as LexicalNode[]).map(textOf).join('')
  return node.type === 'root' || INLINE.has(node.type as string) ? inner : `${inner}${BLOCK_BREAK}`
}

export function lexicalToPlainText(document: unknown): string {
  const root = (document as { root?: LexicalNode } | null | undefined)?.root
  if (!root || typeof root !== 'object') return ''
  return textOf({ ...root, type: 'root' })
    .split(BLOCK_BREAK)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(BLOCK_BREAK)
}
