import type { Metadata } from 'next'
import { draftMode, headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'

import { ArticleView } from '@/components/ArticleView'
import { LivePreviewListener } from '@/components/LivePreviewListener.client'
import { PreviewBanner } from '@/components/PreviewBanner'
import { getSettings } from '@/config/settings'
import { getArticleDraft } from '@/lib/data/articles'
import { getSiteIdentity } from '@/lib/data/site'
import { articlePath } from '@/lib/urls'

type Props = { params: Promise<{ slug: string }> }

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Draft preview', robots: { index: false, follow: false } }

/**
 * Editors' view of the latest draft, apart from the public page so readers never download the
 * live-preview code. Needs draft mode (set by /next/preview with a signed link) and a session on
 * every render; without either it sends the visitor to the published page.
 */
export default async function ArticlePreviewPage({ params }: Props) {
  const { slug } = await params
  const { isEnabled } = await draftMode()
  const article = isEnabled ? await getArticleDraft(slug, await headers()) : null
  if (!isEnabled || article === null) {
    if (!/^[a-z0-9-]+$/.test(slug)) notFound()
    redirect(articlePath(slug))
  }
  return (
    <ArticleView article={article} origin={getSettings().serverUrl} timeZone={(await getSiteIdentity()).timeZone}>
      <PreviewBanner slug={article.slug} />
      <LivePreviewListener />
    </ArticleView>
  )
}
