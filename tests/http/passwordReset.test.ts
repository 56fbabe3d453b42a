/**
 * Password resets, end to end: a server of its own sends through a real SMTP server on this
 * machine (smtp-server, with a login), and the test reads the e-mail as an editor would:
 * forgot-password → the e-mail → its link → reset-password → login with the new password.
 * Each request speaks for its own client address (X-Forwarded-For; 127.0.0.1 is a trusted proxy).
 * The shared server (no SMTP_URL) shows what happens without mail.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

import { adminToken as sharedAdminToken, baseUrl as sharedBaseUrl } from '../support/http'
import { useOwnServers } from '../support/ownServers'
import type { RunningServer } from '../../scripts/lib/serverProcess'

const ADMIN = { email: 'reset-admin@example.com', password: 'a long test password' }
const MAILER = { user: 'mailer', password: 'mail secret' }
const FROM = { address: 'newsroom@news.example.test', name: 'The Dispatch newsroom' }
const LIMITS = { perIp: 4, perAccount: 2 }
const PASSWORD = 'the old long password'
const json = { 'content-type': 'application/json' }

const inbox: ParsedMail[] = []
const mailServer = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  allowInsecureAuth: true,
  onAuth(auth, _session, callback) {
    if (auth.username === MAILER.user && auth.password === MAILER.password) callback(null, { user: auth.username })
    else callback(new Error('Invalid username or password'))
  },
  onData(stream, _session, callback) {
    simpleParser(stream).then((mail) => {
      inbox.push(mail)
      callback()
    }, callback)
  },
})

const servers = useOwnServers()
let server: RunningServer
let adminToken: string
let clientCount = 0

/** A fresh client address for each use, so the per-address limits are tested on purpose only. */
const newClient = () => `198.51.100.${(clientCount += 1)}`

function call(path: string, init: RequestInit & { client?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('x-forwarded-for', init.client ?? newClient())
  return fetch(`${server.baseUrl}${path}`, { ...init, headers, redirect: 'manual' })
}

const post = (path: string, body: object, client?: string) => call(path, { method: 'POST', headers: json, body: JSON.stringify(body), client })
const forgot = (email: string, client?: string) => post('/api/users/forgot-password', { email }, client)
const login = (email: string, password: string) => post('/api/users/login', { email, password })
const messageOf = async (response: Response) => ((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message

const recipients = (mail: ParsedMail) => [mail.to ?? []].flat().flatMap((to: AddressObject) => to.value.map((address) => address.address))

/** The e-mail to `email` once it arrives (it is sent before forgot-password answers, but read here after). */
async function mailTo(email: string, after = 0): Promise<ParsedMail> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const mail = inbox.slice(after).find((candidate) => recipients(candidate).includes(email))
    if (mail) return mail
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no e-mail to ${email}; inbox: ${inbox.map((mail) => recipients(mail).join()).join('; ')}`)
}

/** The reset link in an e-mail, and its token. */
function linkIn(mail: ParsedMail): { link: string; token: string } {
  const link = /href="([^"]+)"/.exec(String(mail.html))?.[1]?.replaceAll('&amp;', '&')
  if (!link) throw new Error(`no link in ${String(mail.html)}`)
  return { link, token: decodeURIComponent(link.slice(link.lastIndexOf('/') + 1)) }
}

async function createEditor(email: string): Promise<void> {
  const byAdmin = await call('/api/users', { method: 'POST', headers: { ...json, Authorization: `JWT ${adminToken}` }, body: JSON.stringify({ email, password: PASSWORD, role: 'editor' }) })
  expect(byAdmin.status).toBe(201)
}

beforeAll(async () => {
  await new Promise<void>((resolve) => mailServer.listen(0, '127.0.0.1', resolve))
  const smtpPort = (mailServer.server.address() as AddressInfo).port
  const { env } = servers.throwaway('reset')
  server = await servers.start({
    ...env,
    SMTP_URL: `smtp://${MAILER.user}:${encodeURIComponent(MAILER.password)}@127.0.0.1:${smtpPort}`,
    EMAIL_FROM: FROM.address,
    EMAIL_FROM_NAME: FROM.name,
    RATE_LIMIT_RESETS_PER_IP: String(LIMITS.perIp),
    RATE_LIMIT_RESETS_PER_ACCOUNT: String(LIMITS.perAccount),
    SEED_ON_START: 'false',
  })
  const registered = await post('/api/users/first-register', ADMIN)
  adminToken = ((await registered.json()) as { token: string }).token
}, 240_000)

afterAll(async () => {
  await new Promise<void>((resolve) => mailServer.close(() => resolve()))
})

describe('password reset through a real mail server', () => {
  it('mails a link to SERVER_URL’s reset screen; the link sets a new password once, and the editor logs in with it', async () => {
    const editor = 'forgetful-editor@example.com'
    await createEditor(editor)
    const before = inbox.length
    const asked = await forgot(editor)
    expect(asked.status).toBe(200)

    const mail = await mailTo(editor, before)
    expect(mail.from?.value).toEqual([{ address: FROM.address, name: FROM.name }])
    expect(mail.subject).toBe('Choose a new password')
    const { link, token } = linkIn(mail)
    expect(link).toBe(`${server.baseUrl}/admin/reset/${token}`)
    expect(token).toMatch(/^[0-9a-f]{40}$/)
    expect(mail.text).toContain(link)

    const page = await fetch(link)
    expect(page.status).toBe(200)
    await page.text()

    const reset = await post('/api/users/reset-password', { token, password: 'a brand new long password' })
    expect(reset.status).toBe(200)
    expect(((await reset.json()) as { user: { email: string } }).user.email).toBe(editor)
    expect((await login(editor, 'a brand new long password')).status).toBe(200)
    expect((await login(editor, PASSWORD)).status).toBe(401)

    const again = await post('/api/users/reset-password', { token, password: 'yet another long password' })
    expect(again.status).toBe(403)
    expect(await messageOf(again)).toMatch(/invalid or has expired/)
  })

  it('links to SERVER_URL whatever Host the request names', async () => {
    const editor = 'host-header@example.com'
    await createEditor(editor)
    const before = inbox.length
    const { port } = new URL(server.baseUrl)
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, path: '/api/users/forgot-password', method: 'POST', headers: { ...json, host: 'evil.example', 'x-forwarded-for': newClient() } }, (response) => {
        response.resume()
        resolve(response.statusCode)
      })
      request.on('error', reject)
      request.end(JSON.stringify({ email: editor }))
    })
    expect(status).toBe(200)
    expect(linkIn(await mailTo(editor, before)).link.startsWith(`${server.baseUrl}/admin/reset/`)).toBe(true)
  })

  it('lets a locked-out editor back in through the e-mail', async () => {
    const editor = 'locked-out@example.com'
    await createEditor(editor)
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await login(editor, 'a wrong password')).status).toBe(401)
    const locked = await login(editor, PASSWORD)
    expect(locked.status).toBe(401)
    expect(await messageOf(locked)).toMatch(/locked/i)

    const before = inbox.length
    expect((await forgot(editor)).status).toBe(200)
    const { token } = linkIn(await mailTo(editor, before))
    expect((await post('/api/users/reset-password', { token, password: 'unlocked long password' })).status).toBe(200)
    expect((await login(editor, 'unlocked long password')).status).toBe(200)
  })

  it('answers the same whether or not an account exists, and mails only the account', async () => {
    const editor = 'existing@example.com'
    await createEditor(editor)
    const before = inbox.length
    const known = await forgot(editor)
    const unknown = await forgot('nobody-here@example.com')
    expect([known.status, unknown.status]).toEqual([200, 200])
    expect(await known.json()).toEqual(await unknown.json())
    await mailTo(editor, before)
    // The known address's mail has arrived; the other one would have been sent before its answer too.
    expect(inbox.slice(before).flatMap(recipients)).toEqual([editor])
  })

  it('limits forgot-password per account (REST and GraphQL alike), known or not, with the same 429', async () => {
    const editor = 'limited@example.com'
    await createEditor(editor)
    const refusals: Array<{ status: number; message: string }> = []
    for (const email of [editor, 'limited-nobody@example.com']) {
      for (let attempt = 0; attempt < LIMITS.perAccount; attempt += 1) expect((await forgot(email)).status).toBe(200)
      const refused = await forgot(email)
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
      refusals.push({ status: refused.status, message: (await messageOf(refused)).replace(/\d+ s\.$/, 'N s.') })
    }
    expect(refusals[0]).toEqual({ status: 429, message: 'Too many password reset requests for this account. Try again in N s.' })
    expect(refusals[1]).toEqual(refusals[0])

    const graphQL = await post('/api/graphql', { query: `mutation { forgotPasswordUser(email: "${editor.toUpperCase()}") }` })
    expect(graphQL.status).toBe(429)
  })

  it('limits forgot-password and reset-password per address', async () => {
    const client = newClient()
    for (let attempt = 0; attempt < LIMITS.perIp - 1; attempt += 1) expect((await forgot(`someone-${attempt}@example.com`, client)).status).toBe(200)
    expect((await post('/api/users/reset-password', { token: 'not a token', password: 'whatever long password' }, client)).status).toBe(403)
    const refused = await forgot('someone-else@example.com', client)
    expect(refused.status).toBe(429)
    expect(await messageOf(refused)).toMatch(/Too many password reset requests from this address/)
    expect((await post('/api/users/reset-password', { token: 'not a token', password: 'whatever long password' }, client)).status).toBe(429)
  })

  it('offers the reset form in the admin, and starts without Payload’s console stand-in', async () => {
    const page = await fetch(`${server.baseUrl}/admin/forgot`)
    expect(page.status).toBe(200)
    // The admin renders in the browser: the page carries the form component and its props.
    const html = (await page.text()).replaceAll('\\"', '"')
    expect(html).toContain('"ForgotPasswordForm"')
    expect(html).toContain('{"action":"/api/users/forgot-password","loginUrl":"/admin/login"}')
    expect(html).not.toContain('Password resets are off')
    expect(server.output()).not.toMatch(/No email adapter provided|password resets are off/)
  })
})

describe('without a mail server (the shared server has no SMTP_URL)', () => {
  it('refuses forgot-password with a 403 that says why, for any address', async () => {
    for (const email of ['http-admin@example.com', 'nobody-at-all@example.com']) {
      const response = await fetch(`${sharedBaseUrl()}/api/users/forgot-password`, { method: 'POST', headers: json, body: JSON.stringify({ email }) })
      expect(response.status).toBe(403)
      expect(await messageOf(response)).toMatch(/Password resets are off: this site has no mail server/)
    }
  })

  it('says so on the admin’s forgot-password screen instead of offering to send', async () => {
    // Until the first account exists, every admin screen leads to the first-user screen.
    await sharedAdminToken()
    const page = await fetch(`${sharedBaseUrl()}/admin/forgot`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Password resets are off')
    expect(html).not.toContain('ForgotPasswordForm')
  })
})
