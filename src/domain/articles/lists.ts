import type { Id } from '@/lib/id'
import type { Where } from 'payload'

import { zonedMonthRange } from '@/lib/timeZone'


/** The lists readers browse: everything, a section, an author, a month (in the publication's time zone), an image's uses. */
export type ArticleList =
  | { kind: 'all' }
  | { kind: 'section'; id: Id }
  | { kind: 'author'; id: Id }
  | { kind: 'month'; month: string; timeZone: string }
  /** The articles showing one image: its credits page. */
  | { kind: 'image'; id: Id }

/** Names a list in cache tags (ASCII, no spaces). */
export function listKey(list: ArticleList): string {
  switch (list.kind) {
    case 'all':
      return 'all'
    case 'section':
      return `section-${list.id}`
    case 'author':
      return `author-${list.id}`
    case 'month':
      return `month-${list.month}`
    case 'image':
      return `image-${list.id}`
  }
}

/** Which articles a list holds (access rules add "published" for readers; hooks add it themselves). */
export function listWhere(list: ArticleList): Where {
  const dated: Where = { publishedAt: { exists: true } }
  switch (list.kind) {
    case 'all':
      return dated
    case 'section':
      return { and: [dated, { section: { equals: list.id } }] }
    case 'author':
      return { and: [dated, { authors: { in: [list.id] } }] }
    case 'month': {
      const { start, end } = zonedMonthRange(list.month, list.timeZone)
      return { and: [{ publishedAt: { greater_than_equal: start.toISOString() } }, { publishedAt: { less_than: end.toISOString() } }] }
    }
    case 'image':
      return { and: [dated, { or: [{ heroImage: { equals: list.id } }, { bodyImages: { in: [list.id] } }] }] }
  }
}
