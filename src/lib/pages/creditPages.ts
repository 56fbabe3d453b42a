import { cacheTags } from '@/lib/cache/tags'
import { findCreditLanding, findCreditPage } from '@/lib/data/credits'
import type { ImageView } from '@/lib/data/views'
import { toPageMeta } from '@/lib/seo/metadata'
import { machinePaths } from '@/lib/urls'
import { numberedPagePath, pageNumberOf } from './listPages'
import { notFound, publicPage } from './publicPage'

/** /credits and its numbered pages: every public image, newest first, each linking to its own page. */
export type CreditsPageData = { images: ImageView[]; position: string | null; newer: string | null; older: string | null }

const DESCRIPTION = 'Every image on this site, with its creator, source and license.'

export const creditsLanding = publicPage<CreditsPageData>(async (_context, { site, origin }) => {
  const landing = await findCreditLanding()
  return {
    page: { images: landing.items, position: null, newer: null, older: landing.older ? numberedPagePath(machinePaths.credits, landing.older) : null },
    head: toPageMeta({ title: 'Image credits', description: DESCRIPTION, path: machinePaths.credits }, site, origin),
    tags: [cacheTags.credits],
  }
})

export const creditsNumberedPage = publicPage<CreditsPageData>(async (context, { site, origin }) => {
  const number = pageNumberOf(context)
  const found = number ? await findCreditPage(number) : null
  if (!number || !found) return notFound(number ? [cacheTags.credits] : null)
  const path = numberedPagePath(machinePaths.credits, number)
  return {
    page: {
      images: found.items,
      position: `Page ${number} of ${found.pages}`,
      newer: number < found.pages ? numberedPagePath(machinePaths.credits, number + 1) : null,
      older: number > 1 ? numberedPagePath(machinePaths.credits, number - 1) : null,
    },
    head: toPageMeta({ title: `Image credits, page ${number}`, description: DESCRIPTION, path }, site, origin),
    tags: [cacheTags.credits],
  }
})
