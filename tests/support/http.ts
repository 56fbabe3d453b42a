/** Helpers for tests against the server started by httpGlobalSetup. */
export function baseUrl(): string {
  const url = process.env.TEST_BASE_URL
  if (!url) throw new Error('TEST_BASE_URL is not set: run HTTP tests through `npm test` (the http project starts the server)')
  return url
}

export function get(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, { redirect: 'manual', ...init })
}

export async function getJson<T = Record<string, unknown>>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await get(path, init)
  return { status: response.status, body: (await response.json()) as T }
}

export const ADMIN = { email: 'http-admin@example.com', password: 'a long test password' }

let adminLogin: Promise<string> | undefined

/**
 * A token for the first (admin) account, one login per test file. Test files run in parallel,
 * so whichever registers first wins and the others log in. Payload keeps an account's sessions
 * in one row it reads and writes back: logins of one account at the same moment can lose each
 * other's session (its token then counts as no login), so each file logs in once.
 */
export function adminToken(): Promise<string> {
  adminLogin ??= registerOrLogIn().catch((error: unknown) => {
    adminLogin = undefined
    throw error
  })
  return adminLogin
}

async function registerOrLogIn(): Promise<string> {
  const json = { 'content-type': 'application/json' }
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const register = await fetch(`${baseUrl()}/api/users/first-register`, { method: 'POST', headers: json, body: JSON.stringify(ADMIN) })
    if (register.ok) return ((await register.json()) as { token: string }).token
    const login = await fetch(`${baseUrl()}/api/users/login`, { method: 'POST', headers: json, body: JSON.stringify(ADMIN) })
    if (login.ok) return ((await login.json()) as { token: string }).token
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('could not register or log in the test admin')
}

export function authHeaders(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `JWT ${token}`, ...extra }
}

export const FIRST_SLUG = 'xi-putin-beijing-no-limits-partnership'

/** Creates (as the admin) a user with the given role and returns a token for it. */
export async function tokenFor(role: 'contributor' | 'editor' | 'admin', email: string, password = 'another long password'): Promise<{ token: string; id: number | string }> {
  const admin = await adminToken()
  const json = { 'content-type': 'application/json' }
  const created = await fetch(`${baseUrl()}/api/users`, { method: 'POST', headers: authHeaders(admin, json), body: JSON.stringify({ email, password, role }) })
  if (!created.ok && created.status !== 400) throw new Error(`could not create ${email}: ${created.status} ${await created.text()}`)
  const login = await fetch(`${baseUrl()}/api/users/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) })
  const body = (await login.json()) as { token: string; user: { id: number | string } }
  return { token: body.token, id: body.user.id }
}

/** Payload's multipart upload: the file, plus the document's fields as JSON in `_payload`. */
export function uploadForm(file: Blob, name: string, data: Record<string, unknown>): FormData {
  const form = new FormData()
  form.append('file', file, name)
  form.append('_payload', JSON.stringify(data))
  return form
}

/** A plain PNG of the given size, as a Blob ready for `uploadForm`. */
export async function pngBlob(width: number, height: number, background = '#456'): Promise<Blob> {
  const { default: sharp } = await import('sharp')
  return new Blob([await sharp({ create: { width, height, channels: 3, background } }).png().toBuffer()], { type: 'image/png' })
}

/** Requests a public URL until the response cache answers it (stores happen just after a miss). */
export async function getCached(path: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const response = await get(path, init)
    if (response.headers.get('x-cache') === 'HIT') return response
    await response.arrayBuffer()
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${path} never came from the response cache`)
}

/**
 * A media document as the newsroom reads it once the server's job runner has written all its
 * files (an upload returns with its thumbnail only; its `fileVersion` appears when the rest are written).
 */
export async function untilFilesWritten<T extends { fileVersion?: string | null }>(id: number | string, timeoutMs = 15_000): Promise<T> {
  const headers = authHeaders(await adminToken())
  const read = async () => (await getJson<T>(`/api/media/${id}`, { headers })).body
  let current = await read()
  for (const deadline = Date.now() + timeoutMs; !current.fileVersion && Date.now() < deadline; current = await read()) await new Promise((resolve) => setTimeout(resolve, 250))
  return current
}

/**
 * A JSON document read back from the API. Tests reach into it freely and their expectations check
 * its shape, so it is left untyped, here only.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped on purpose, see above
export type Doc = Record<string, any>

/** The page of the image (linked from /credits) whose list of uses names this article: /credits lists images, each page their articles. */
export async function creditPageListing(creditsHtml: string, articleSlug: string): Promise<string> {
  for (const [, path] of creditsHtml.matchAll(/href="(\/credits\/[^"/]+)"/g)) {
    const html = await (await get(path!)).text()
    if (html.includes(`href="/articles/${articleSlug}"`)) return html
  }
  throw new Error(`no image page linked from /credits lists /articles/${articleSlug}`)
}
