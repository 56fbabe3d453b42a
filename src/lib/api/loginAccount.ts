/**
 * The account a login request names: JSON, a URL-encoded form or Payload's admin form (multipart,
 * fields as JSON in `_payload`). Lower-cased, as Payload matches e-mails; null when there is none.
 * Reads a copy, so Payload still reads the original body.
 */
export async function accountOf(request: Request): Promise<string | null> {
  const copy = request.clone()
  let email: unknown
  try {
    if ((copy.headers.get('content-type') ?? '').includes('json')) {
      email = ((await copy.json()) as { email?: unknown }).email
    } else {
      const form = await copy.formData()
      const fields = form.get('_payload')
      email = typeof fields === 'string' ? (JSON.parse(fields) as { email?: unknown }).email : form.get('email')
    }
  } catch {
    // A body Payload cannot read either: it answers that itself; the per-IP limit still counts it.
    return null
  }
  return typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : null
}
