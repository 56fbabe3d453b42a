/**
 * Every write the server acknowledged (2xx), and what it should have left behind. A write that
 * failed or was never answered leaves its document "uncertain": it is not checked, and counted.
 */
import type { Id } from '@/lib/id'

export type ExpectedArticle = { kind: 'article'; id: Id; slug: string; headline: string; standfirst: string; status: 'draft' | 'published'; deleted: boolean }
export type ExpectedMedia = { kind: 'media'; id: Id; alt: string; filename: string }
export type Expected = ExpectedArticle | ExpectedMedia

/** What reading a document back found: its HTTP status and, when found, its fields. */
export type ReadBack = { status: number; doc?: Record<string, unknown>; fileStatus?: number | undefined }

export type Loss = { kind: Expected['kind']; id: Id; problem: string }

export function createLedger() {
  const expected = new Map<string, Expected>()
  const uncertain = new Set<string>()
  let acknowledged = 0
  const key = (kind: Expected['kind'], id: Id) => `${kind}:${String(id)}`

  return {
    /** A 2xx answer: the document must now look like this. */
    acknowledge(entry: Expected): void {
      acknowledged += 1
      expected.set(key(entry.kind, entry.id), entry)
    },
    /** A write with no clear answer: the document may or may not have changed. */
    markUncertain(kind: Expected['kind'], id: Id): void {
      uncertain.add(key(kind, id))
    },
    /** Documents to read back, uncertain ones left out. */
    entries(): Expected[] {
      return [...expected].filter(([entryKey]) => !uncertain.has(entryKey)).map(([, entry]) => entry)
    },
    counts: () => ({ acknowledgedWrites: acknowledged, documents: expected.size, uncertain: uncertain.size }),
  }
}

export type Ledger = ReturnType<typeof createLedger>

/** Whether the read-back document is what the last acknowledged write left; a problem, or undefined. */
export function findLoss(entry: Expected, found: ReadBack): Loss | undefined {
  const loss = (problem: string): Loss => ({ kind: entry.kind, id: entry.id, problem })
  if (entry.kind === 'article' && entry.deleted) return found.status === 404 ? undefined : loss(`deleted, but reading it gave ${found.status}`)
  if (found.status !== 200 || !found.doc) return loss(`reading it gave ${found.status}`)
  if (entry.kind === 'media' && found.fileStatus !== 200) return loss(`its file ${entry.filename} gave ${found.fileStatus}`)
  const wanted: Record<string, unknown> =
    entry.kind === 'article' ? { headline: entry.headline, standfirst: entry.standfirst, _status: entry.status } : { alt: entry.alt }
  const wrong = Object.entries(wanted).filter(([field, value]) => found.doc?.[field] !== value)
  return wrong.length === 0 ? undefined : loss(wrong.map(([field, value]) => `${field} is ${JSON.stringify(found.doc?.[field])}, acknowledged ${JSON.stringify(value)}`).join('; '))
}
