import type { GetServerSidePropsContext } from 'next'

import { listKey, type ArticleList } from '@/domain/articles/lists'
import { cacheTags } from '@/lib/cache/tags'
import { findListLanding, findListPage } from '@/lib/data/articleLists'
import type { AuthorView } from '@/lib/data/profiles'
import type { ArticleSummary, ImageView } from '@/lib/data/views'
import { parsePageNumber } from '@/lib/pagination'
import { toPageMeta, type FeedLink } from '@/lib/seo/metadata'
import type { SiteIdentity } from '@/lib/site'
import { toFrontPageJsonLd, toListPageJsonLd, type Crumb } from '@/lib/structuredData'
import { notFound, publicPage } from './publicPage'

/**
 * Every list page (the front page's archive, a section, an author, a month) is made here, so they
 * read, paginate, tag and describe themselves the same way. A page file says only which list its
 * address names (`resolve`).
 */

export type ListSubject = {
  list: ArticleList
  /** Heading and title. */
  name: string
  description: string | null
  /** The landing page's path; numbered pages are `<path>/page/<n>` (`/page/<n>` for the front page). */
  path: string
  /** Breadcrumbs from the front page to the landing page. */
  trail: Crumb[]
  /** The front page describes the site (WebSite, Organization); the others themselves. */
  kind: 'front' | 'collection' | 'profile'
  /** Further tags: the section or author shown. */
  tags: string[]
  feeds?: (site: SiteIdentity, origin: string) => FeedLink[]
  profile?: AuthorView
  /** An image's credits page shows the image, its credit and its license terms above its uses. */
  image?: ImageView
  /** A month's archive links the nearest later and earlier months with articles, and its year. */
  months?: MonthsAround
}

export type MonthsAround = { earlier: Crumb | null; later: Crumb | null; year: Crumb }

export type ListPageData = {
  name: string
  description: string | null
  profile: AuthorView | null
  image: ImageView | null
  months: MonthsAround | null
  /** "Page 3 of 40", or null on a landing page. */
  position: string | null
  articles: ArticleSummary[]
  newer: string | null
  older: string | null
  jsonLd: Record<string, unknown>
}

type Resolve = (context: GetServerSidePropsContext, site: SiteIdentity) => Promise<ListSubject | null>

/** The `[page]` segment of a numbered page's address, or null when it is not a page number. */
export function pageNumberOf(context: GetServerSidePropsContext): number | null {
  return parsePageNumber(typeof context.params?.page === 'string' ? context.params.page : undefined)
}

export function numberedPagePath(path: string, page: number): string {
  return path === '/' ? `/page/${page}` : `${path}/page/${page}`
}

function describe(subject: ListSubject, page: { path: string; title: string; trail: Crumb[]; articles: ArticleSummary[] }, site: SiteIdentity, origin: string) {
  const description = subject.description ?? `${subject.name}: articles from ${site.name}.`
  return {
    head: toPageMeta({ title: page.title, description, path: page.path }, site, origin, subject.feeds ? { feeds: subject.feeds(site, origin) } : {}),
    jsonLd:
      subject.kind === 'front' && page.path === subject.path
        ? toFrontPageJsonLd({ origin, site })
        : toListPageJsonLd({ kind: subject.kind === 'profile' ? 'profile' : 'collection', name: page.title, description: subject.description, path: page.path, trail: page.trail, articles: page.articles }, { origin, site }),
  }
}

/** What every list page shows of its subject, with its own articles, place and neighbours. */
function listPageData(subject: ListSubject, page: Pick<ListPageData, 'position' | 'articles' | 'newer' | 'older' | 'jsonLd'>): ListPageData {
  return { name: subject.name, description: subject.description, profile: subject.profile ?? null, image: subject.image ?? null, months: subject.months ?? null, ...page }
}

/** A list's landing page: its newest articles (two pages' worth) and the way to older ones. */
export function listLandingPage(resolve: Resolve) {
  return publicPage<ListPageData>(async (context, { site, origin }) => {
    const subject = await resolve(context, site)
    if (!subject) return notFound(null)
    const landing = await findListLanding(subject.list)
    const { head, jsonLd } = describe(subject, { path: subject.path, title: subject.name, trail: subject.trail, articles: landing.items }, site, origin)
    return {
      page: listPageData(subject, {
        position: null,
        articles: landing.items,
        newer: null,
        older: landing.older ? numberedPagePath(subject.path, landing.older) : null,
        jsonLd,
      }),
      head,
      tags: [cacheTags.listHead(listKey(subject.list)), ...subject.tags],
    }
  })
}

/** One numbered page of a list, counted from its oldest article: it keeps its articles as new ones arrive. */
export function listNumberedPage(resolve: Resolve) {
  return publicPage<ListPageData>(async (context, { site, origin }) => {
    const number = pageNumberOf(context)
    const subject = number ? await resolve(context, site) : null
    if (!subject || !number) return notFound(null)
    const key = listKey(subject.list)
    const found = await findListPage(subject.list, number)
    // Stored, and purged when the list grows into this page.
    if (!found) return notFound([cacheTags.listPage(key, number), ...subject.tags])
    const path = numberedPagePath(subject.path, number)
    const title = `${subject.name}, page ${number}`
    const trail = [...subject.trail, { name: `Page ${number}`, path }]
    const { head, jsonLd } = describe(subject, { path, title, trail, articles: found.items }, site, origin)
    return {
      page: listPageData(subject, {
        position: `Page ${number} of ${found.pages}`,
        articles: found.items,
        newer: number < found.pages ? numberedPagePath(subject.path, number + 1) : null,
        older: number > 1 ? numberedPagePath(subject.path, number - 1) : null,
        jsonLd,
      }),
      head,
      tags: [cacheTags.listPage(key, number), cacheTags.listPages(key), ...subject.tags],
    }
  })
}
