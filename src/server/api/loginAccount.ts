import { Kind, parse, visit } from 'graphql'

/** What is limited per account: login attempts, and password-reset requests (each may send an e-mail). */
export type AccountAction = 'login' | 'forgot-password'
export type AccountRequest = { action: AccountAction; account: string }

/** An e-mail as Payload matches it (trimmed, lower-cased); null when there is none. */
function toAccount(email: unknown): string | null {
  return typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : null
}

/**
 * The account a REST login (or forgot-password) request names: JSON, a URL-encoded form or Payload's admin form
 * (multipart, fields as JSON in `_payload`). Reads a copy, so Payload still reads the original body.
 */
export async function accountOf(request: Request): Promise<string | null> {
  const copy = request.clone()
  try {
    if ((copy.headers.get('content-type') ?? '').includes('json')) return toAccount(((await copy.json()) as { email?: unknown }).email)
    const form = await copy.formData()
    const fields = form.get('_payload')
    return toAccount(typeof fields === 'string' ? (JSON.parse(fields) as { email?: unknown }).email : form.get('email'))
  } catch {
    // A body Payload cannot read either: it answers that itself; the per-IP limit still counts it.
    return null
  }
}

/** Mutation fields by the action they count as: `loginUser`, `forgotPasswordUser` (one per auth collection). */
function actionOf(field: string): AccountAction | null {
  if (/^login[A-Z]/.test(field)) return 'login'
  if (/^forgotPassword[A-Z]/.test(field)) return 'forgot-password'
  return null
}

/** The accounts named by login and forgot-password mutations (`loginUser(email: …)`, literal or variable) in a GraphQL request. */
export async function graphQLAccountRequests(request: Request): Promise<AccountRequest[]> {
  let body: { query?: unknown; variables?: Record<string, unknown> | null }
  try {
    body = (await request.clone().json()) as typeof body
  } catch {
    return []
  }
  if (typeof body.query !== 'string' || !/login|forgotPassword/.test(body.query)) return []
  let document: ReturnType<typeof parse>
  try {
    document = parse(body.query)
  } catch {
    // Not GraphQL at all: Payload refuses it without logging anyone in.
    return []
  }
  const requests: AccountRequest[] = []
  visit(document, {
    Field(field) {
      const action = actionOf(field.name.value)
      if (!action) return
      const email = field.arguments?.find((argument) => argument.name.value === 'email')?.value
      const value = email?.kind === Kind.STRING ? email.value : email?.kind === Kind.VARIABLE ? body.variables?.[email.name.value] : undefined
      const account = toAccount(value)
      if (account) requests.push({ action, account })
    },
  })
  return requests
}
