/**
 * A newsroom's busy hour in miniature: editors create, update, publish, upload and delete through
 * REST while anonymous readers load pages and the API; then every acknowledged write is read back.
 */
import type { Id } from '@/lib/id'
import { MEDIA_FILE_PATH } from '@/lib/images/fileUrls'
import { cameraPhoto } from '../load/cameraPhoto'
import { createRecorder, type LoadSummary, type Recorder } from '../load/recorder'
import { createLedger, findLoss, type ExpectedArticle, type Ledger, type Loss } from './ledger'
import { adminSession, articleBody, authorized, call, editorSession, findLicenseId, isAcknowledged, randomPng, uploadForm, type Session } from './newsroom'

export type SoakOptions = {
  baseUrl: string
  admin: { email: string; password: string }
  durationMs: number
  editors: number
  readers: number
  /** Every n-th upload is a 24-megapixel camera JPEG (src/ops/load/cameraPhoto.ts) instead of a small PNG; 0 for none. */
  cameraPhotoEvery?: number
}

export type SoakReport = LoadSummary & {
  durationMs: number
  acknowledgedWrites: number
  documentsChecked: number
  uncertainDocuments: number
  lostWrites: Loss[]
}

type EditorState = { session: Session; name: string; articles: ExpectedArticle[]; imageIds: Id[]; made: number }

const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(Math.random() * items.length)]

/** The published slugs readers ask for; the seeded first article is always among them. */
type ReadingList = { slugs: Set<string>; imageFiles: Set<string> }

async function createArticle(editor: EditorState, ledger: Ledger, runId: string): Promise<void> {
  editor.made += 1
  const slug = `soak-${runId}-${editor.name}-${editor.made}`
  const data = { headline: `Soak ${editor.name} #${editor.made}`, slug, standfirst: 'first draft', body: articleBody('Written under load.'), heroImage: pick(editor.imageIds) ?? null, _status: 'draft' as const }
  const { status, json } = await call(editor.session, 'create article', 'POST', '/api/articles', data)
  const id = (json?.doc as { id?: Id } | undefined)?.id
  if (!isAcknowledged(status) || id === undefined) return
  const article: ExpectedArticle = { kind: 'article', id, slug, headline: data.headline, standfirst: data.standfirst, status: 'draft', deleted: false }
  editor.articles.push(article)
  ledger.acknowledge(article)
}

/** Saves new text; a published article is republished, a draft stays a draft. */
async function updateArticle(editor: EditorState, ledger: Ledger, article: ExpectedArticle, publish: boolean): Promise<void> {
  const status = publish ? 'published' : article.status
  const next = { ...article, standfirst: `revision ${Math.random().toString(36).slice(2, 8)}`, status }
  const query = status === 'draft' ? '?draft=true' : ''
  const answer = await call(editor.session, publish ? 'publish article' : 'update article', 'PATCH', `/api/articles/${article.id}${query}`, { standfirst: next.standfirst, _status: status })
  if (!isAcknowledged(answer.status)) return ledger.markUncertain('article', article.id)
  Object.assign(article, next)
  ledger.acknowledge({ ...article })
}

async function deleteArticle(editor: EditorState, ledger: Ledger, article: ExpectedArticle): Promise<void> {
  const answer = await call(editor.session, 'delete article', 'DELETE', `/api/articles/${article.id}`)
  editor.articles = editor.articles.filter((owned) => owned !== article)
  if (!isAcknowledged(answer.status)) return ledger.markUncertain('article', article.id)
  ledger.acknowledge({ ...article, deleted: true })
}

async function uploadImage(editor: EditorState, newsroom: Newsroom): Promise<void> {
  const { ledger, licenseId, reading } = newsroom
  editor.made += 1
  newsroom.uploads += 1
  const alt = `Soak image ${editor.name} #${editor.made}`
  const camera = newsroom.cameraPhotoEvery > 0 && newsroom.uploads % newsroom.cameraPhotoEvery === 0
  const file = camera ? await newsroom.cameraPhoto() : await randomPng()
  const form = uploadForm(file, `soak-${editor.name}-${editor.made}.${camera ? 'jpg' : 'png'}`, { alt, creator: `Photographer ${editor.name}`, license: licenseId })
  const { status, json } = await call(editor.session, 'upload image', 'POST', '/api/media', form)
  const doc = json?.doc as { id?: Id; filename?: string } | undefined
  if (!isAcknowledged(status) || doc?.id === undefined) return
  editor.imageIds.push(doc.id)
  if (!doc.filename) return ledger.markUncertain('media', doc.id)
  reading.imageFiles.add(doc.filename)
  ledger.acknowledge({ kind: 'media', id: doc.id, alt, filename: doc.filename })
}

/** Keeps going while `running()` says so; the soak passes a deadline, the crash and shutdown tests a flag. */
type Running = () => boolean

async function editorLoop(editor: EditorState, newsroom: Newsroom, running: Running): Promise<void> {
  const { ledger, runId, reading } = newsroom
  while (running()) {
    const roll = Math.random()
    const article = pick(editor.articles)
    if (!article || editor.articles.length < 3 || roll < 0.25) await createArticle(editor, ledger, runId)
    else if (roll < 0.5) await updateArticle(editor, ledger, article, false)
    else if (roll < 0.7) {
      await updateArticle(editor, ledger, article, true)
      reading.slugs.add(article.slug)
    } else if (roll < 0.85) await uploadImage(editor, newsroom)
    else await deleteArticle(editor, ledger, article)
  }
}

async function readerLoop(newsroom: Newsroom, running: Running): Promise<void> {
  const { reading, recorder } = newsroom
  const anonymous = (kind: string, path: string) => recorder.request(kind, `${newsroom.baseUrl}${path}`)
  while (running()) {
    const roll = Math.random()
    if (roll < 0.3) await anonymous('read front page', '/')
    else if (roll < 0.6) await anonymous('read article page', `/articles/${pick([...reading.slugs])}`)
    else if (roll < 0.85) await anonymous('read API', '/api/articles?limit=10&depth=1')
    else await anonymous('read image', `${MEDIA_FILE_PATH}${pick([...reading.imageFiles])}`)
  }
}

export type Newsroom = {
  baseUrl: string
  admin: { email: string; password: string }
  runId: string
  licenseId: Id
  editors: EditorState[]
  reading: ReadingList
  ledger: Ledger
  recorder: Recorder
  cameraPhotoEvery: number
  uploads: number
  /** Made once (it takes seconds) and sent again for every camera upload. */
  cameraPhoto: () => Promise<Blob>
}

/** Accounts for the admin and `editors` editors, and what readers start with (the seeded article and image). */
export async function prepareNewsroom(baseUrl: string, admin: { email: string; password: string }, editors: number, cameraPhotoEvery = 0): Promise<Newsroom> {
  const recorder = createRecorder()
  const runId = Date.now().toString(36)
  const adminAccount = await adminSession(baseUrl, recorder, admin)
  const licenseId = await findLicenseId(adminAccount, 'CC-BY-4.0')
  const seeded = (await (await fetch(`${baseUrl}/api/media?limit=1&depth=0`)).json()) as { docs: Array<{ filename?: string }> }
  const reading: ReadingList = { slugs: new Set(['xi-putin-beijing-no-limits-partnership']), imageFiles: new Set(seeded.docs.flatMap((doc) => (doc.filename ? [doc.filename] : []))) }
  const editorStates: EditorState[] = []
  for (let index = 0; index < editors; index += 1) {
    const name = `e${index}`
    editorStates.push({ session: await editorSession(adminAccount, `soak-${runId}-${name}@example.com`), name, articles: [], imageIds: [], made: 0 })
  }
  let photo: Promise<Blob> | undefined
  const camera = () => (photo ??= cameraPhoto().then((bytes) => new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' })))
  if (cameraPhotoEvery > 0) await camera()
  return { baseUrl, admin, runId, licenseId, editors: editorStates, reading, ledger: createLedger(), recorder, cameraPhotoEvery, uploads: 0, cameraPhoto: camera }
}

/** Editors write and `readers` readers read until `running()` turns false and each finishes its request. */
export async function runNewsroom(newsroom: Newsroom, readers: number, running: Running): Promise<void> {
  await Promise.all([
    ...newsroom.editors.map((editor) => editorLoop(editor, newsroom, running)),
    ...Array.from({ length: readers }, () => readerLoop(newsroom, running)),
  ])
}

/** How long read-back waits for the server's job runner to write an upload's files. */
const FILES_WRITTEN_WITHIN_MS = 120_000

/**
 * Reads every document the ledger expects, as the admin, drafts included (`baseUrl`: the server
 * may have been restarted elsewhere). An image's files are written by a job after its upload
 * returned: its original is checked once the document has a file version.
 */
export async function verifyWrites(newsroom: Newsroom, baseUrl = newsroom.baseUrl): Promise<Loss[]> {
  const admin = await adminSession(baseUrl, newsroom.recorder, newsroom.admin)
  const read = async (path: string) => fetch(`${baseUrl}${path}`, { headers: authorized(admin.token) })
  const losses: Loss[] = []
  const deadline = Date.now() + FILES_WRITTEN_WITHIN_MS
  for (const entry of newsroom.ledger.entries()) {
    const path = entry.kind === 'article' ? `/api/articles/${entry.id}?draft=true&depth=0` : `/api/media/${entry.id}?depth=0`
    let response = await read(path)
    while (entry.kind === 'media' && response.status === 200 && Date.now() < deadline) {
      const pending = !((await response.clone().json()) as { fileVersion?: string | null }).fileVersion
      if (!pending) break
      await response.body?.cancel()
      await new Promise((resolve) => setTimeout(resolve, 500))
      response = await read(path)
    }
    const doc = response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined
    if (!doc) await response.body?.cancel()
    const file = entry.kind === 'media' ? await read(`${MEDIA_FILE_PATH}${encodeURIComponent(entry.filename)}`) : undefined
    await file?.body?.cancel()
    const loss = findLoss(entry, { status: response.status, doc, fileStatus: file?.status })
    if (loss) losses.push(loss)
  }
  return losses
}

export async function runSoak({ baseUrl, admin, durationMs, editors, readers, cameraPhotoEvery = 0 }: SoakOptions): Promise<SoakReport> {
  const newsroom = await prepareNewsroom(baseUrl, admin, editors, cameraPhotoEvery)
  const started = performance.now()
  await runNewsroom(newsroom, readers, () => performance.now() < started + durationMs)
  const elapsed = performance.now() - started
  const lostWrites = await verifyWrites(newsroom)
  const counts = newsroom.ledger.counts()
  return {
    ...newsroom.recorder.summary(),
    durationMs: Math.round(elapsed),
    acknowledgedWrites: counts.acknowledgedWrites,
    documentsChecked: newsroom.ledger.entries().length,
    uncertainDocuments: counts.uncertain,
    lostWrites,
  }
}

export function formatSoakReport(report: SoakReport): string {
  const lines = [
    `soak: ${(report.durationMs / 1000).toFixed(1)} s, ${report.requests} requests, p50 ${report.p50Ms} ms, p99 ${report.p99Ms} ms`,
    `status: ${Object.entries(report.byStatus).map(([status, count]) => `${status} × ${count}`).join(', ')}`,
    `5xx: ${report.serverErrors}, network errors: ${report.networkErrors}`,
    ...Object.entries(report.byKind).map(([kind, figures]) => `  ${kind.padEnd(18)} ${String(figures.requests).padStart(6)} requests   p99 ${figures.p99Ms} ms`),
    `acknowledged writes: ${report.acknowledgedWrites} (${report.documentsChecked} documents read back, ${report.uncertainDocuments} left out after an unanswered write)`,
    `lost writes: ${report.lostWrites.length}`,
    ...report.lostWrites.map((loss) => `  ${loss.kind} ${loss.id}: ${loss.problem}`),
  ]
  return lines.join('\n')
}

/** The soak's pass mark: no 5xx, no dropped connection, nothing acknowledged and lost. */
export const soakPassed = (report: SoakReport) => report.serverErrors === 0 && report.networkErrors === 0 && report.lostWrites.length === 0
