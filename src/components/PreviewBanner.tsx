import { articlePath } from '@/lib/urls'

export function PreviewBanner({ slug }: { slug: string }) {
  return (
    <p className="preview-banner" role="status">
      Draft preview: readers do not see this version. <a href={`/next/exit-preview?path=${encodeURIComponent(articlePath(slug))}`}>Leave preview</a>
    </p>
  )
}
