import type { Payload } from 'payload'
import sharp from 'sharp'

import { LICENSE_CATALOG } from '../../src/licensing/catalog'
import { paragraphsToLexical } from '../../src/lib/richText'
import type { Article, Media, User } from '../../src/payload-types'
import { writeQueuedImageFiles } from './images'

/** Content for integration tests, made through the Local API (hooks run, access is overridden). */
let counter = 0
const next = () => (counter += 1)

/** Every catalog license, by SPDX id. */
export async function createLicenses(payload: Payload): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  for (const license of LICENSE_CATALOG) ids.set(license.spdxId, (await payload.create({ collection: 'licenses', data: { ...license } })).id)
  return ids
}

export async function createImage(payload: Payload, license: number, extra: Partial<Media> = {}): Promise<Media> {
  const n = next()
  const data = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#777' } }).jpeg().toBuffer()
  const created = await payload.create({
    collection: 'media',
    data: { alt: `Image ${n}`, creator: 'Jane Doe', license, ...extra },
    file: { data, mimetype: 'image/jpeg', name: `image-${n}.jpg`, size: data.length },
  })
  // As the server's job runner does a moment after an upload.
  await writeQueuedImageFiles(payload)
  return payload.findByID({ collection: 'media', id: created.id })
}

export async function createArticle(payload: Payload, data: Partial<Article> & { _status: 'draft' | 'published' }, user?: User): Promise<Article> {
  const n = next()
  return payload.create({
    collection: 'articles',
    data: { headline: `Story ${n}`, slug: `story-${n}`, body: paragraphsToLexical(['Body.']), ...data },
    draft: data._status === 'draft',
    ...(user ? { user, overrideAccess: false } : {}),
  })
}

/** The very first account becomes an admin whatever its role (makeFirstUserAdmin): make an admin first. */
export async function createUser(payload: Payload, role: User['role']): Promise<User> {
  return payload.create({ collection: 'users', data: { email: `${role}-${next()}@example.com`, password: 'a long password here', role } })
}

/** Lexical nodes for article bodies in tests: paragraphs of text, images from Media, internal links. */
const textNode = (text: string) => ({ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 })
export const richText = {
  paragraph: (...children: Array<string | Record<string, unknown>>) => ({
    type: 'paragraph',
    children: children.map((child) => (typeof child === 'string' ? textNode(child) : child)),
    direction: 'ltr',
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    version: 1,
  }),
  image: (id: number | string) => ({ type: 'upload', relationTo: 'media', value: id, fields: null, format: '', id: `upload-${id}-${next()}`, version: 3 }),
  articleLink: (id: number | string, text: string) => ({
    type: 'link',
    fields: { linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: id } },
    children: [textNode(text)],
    direction: 'ltr',
    format: '',
    indent: 0,
    id: `link-${id}-${next()}`,
    version: 3,
  }),
  body: (...children: Array<{ type: string; version: number }>): Article['body'] => ({ root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } }),
}
