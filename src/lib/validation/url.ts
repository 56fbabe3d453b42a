/** Payload field validator: empty, or an absolute http(s) URL. */
export function validateOptionalHttpUrl(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true
  if (typeof value !== 'string') return 'Enter a web address as text.'
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return true
  } catch {
    // fall through to the message below
  }
  return 'Enter a full web address starting with http:// or https://'
}
