/** The REST calls a soak makes as the newsroom: accounts, articles and images, each recorded. */
import sharp from 'sharp'

import type { Id } from '@/lib/id'
import { paragraphsToLexical } from '@/lib/richText'
import type { Recorder } from '../load/recorder'

export type Session = { baseUrl: string; recorder: Recorder; token: string }

const json = { 'content-type': 'application/json' }
export const authorized = (token: string, extra: Record<string, string> = {}) => ({ Authorization: `JWT ${token}`, ...extra })

/** Sends a request and returns the status and parsed JSON body (undefined when there is none or it is not JSON). */
export async function call(session: Session, kind: string, method: string, path: string, body?: unknown): Promise<{ status: number | 'network-error'; json?: Record<string, unknown> }> {
  const isForm = body instanceof FormData
  const response = await session.recorder.request(kind, `${session.baseUrl}${path}`, {
    method,
    headers: authorized(session.token, isForm || body === undefined ? {} : json),
    body: isForm ? body : body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response) return { status: 'network-error' }
  const text = await response.text()
  try {
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined }
  } catch {
    return { status: response.status }
  }
}

export const isAcknowledged = (status: number | 'network-error') => typeof status === 'number' && status >= 200 && status < 300

/** The admin account of a fresh server: registers it (first user) or logs in. */
export async function adminSession(baseUrl: string, recorder: Recorder, credentials: { email: string; password: string }): Promise<Session> {
  for (const path of ['/api/users/first-register', '/api/users/login']) {
    const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: json, body: JSON.stringify(credentials) })
    if (response.ok) return { baseUrl, recorder, token: ((await response.json()) as { token: string }).token }
  }
  throw new Error(`could not register or log in ${credentials.email}`)
}

/** Creates an editor account as the admin and logs it in. */
export async function editorSession(admin: Session, email: string): Promise<Session> {
  const password = `soak password for ${email}`
  const created = await fetch(`${admin.baseUrl}/api/users`, { method: 'POST', headers: authorized(admin.token, json), body: JSON.stringify({ email, password, role: 'editor' }) })
  if (!created.ok) throw new Error(`could not create ${email}: ${created.status} ${await created.text()}`)
  const login = await fetch(`${admin.baseUrl}/api/users/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) })
  if (!login.ok) throw new Error(`could not log in ${email}: ${login.status}`)
  return { ...admin, token: ((await login.json()) as { token: string }).token }
}

export async function findLicenseId(session: Session, spdxId: string): Promise<Id> {
  const response = await fetch(`${session.baseUrl}/api/licenses?where[spdxId][equals]=${encodeURIComponent(spdxId)}&depth=0`)
  const id = ((await response.json()) as { docs: Array<{ id: Id }> }).docs[0]?.id
  if (id === undefined) throw new Error(`no license ${spdxId}: was the server seeded?`)
  return id
}

/** A small PNG in a random colour, so each upload is a distinct file. */
export async function randomPng(): Promise<Blob> {
  const channel = () => Math.floor(Math.random() * 256)
  const buffer = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: channel(), g: channel(), b: channel() } } }).png().toBuffer()
  return new Blob([new Uint8Array(buffer)], { type: 'image/png' })
}

export function uploadForm(file: Blob, name: string, data: Record<string, unknown>): FormData {
  const form = new FormData()
  form.append('file', file, name)
  form.append('_payload', JSON.stringify(data))
  return form
}

export const articleBody = (text: string) => paragraphsToLexical([text])
