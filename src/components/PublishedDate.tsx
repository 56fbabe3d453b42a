import { formatDate } from '@/lib/format'

export function PublishedDate({ iso, prefix }: { iso: string | null; prefix?: string }) {
  if (!iso) return null
  return (
    <time dateTime={iso}>
      {prefix}
      {formatDate(iso)}
    </time>
  )
}
