/** Payload field validator: empty, or an absolute http(s) URL that the credit can link to as it is. */
export function validateOptionalHttpUrl(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true
  if (typeof value !== 'string') return 'Enter a web address as text.'
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return 'Enter a full web address starting with http:// or https://'
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return 'Enter a full web address starting with http:// or https://'
  // The credit renderer drops such links ("https://kremlin.ru@evil.example/" reads like kremlin.ru).
  if (url.username || url.password) return 'Leave out the user name and password: credits never link to an address with them in it.'
  return true
}
