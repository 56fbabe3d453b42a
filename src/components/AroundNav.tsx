import type { Crumb } from '@/lib/structuredData'

/**
 * The way on from a date archive: the nearest later one on the left, the nearest earlier on the
 * right, as the pager orders pages; `up` (a month's year) between them.
 */
export function AroundNav({ label, later, earlier, up }: { label: string; later: Crumb | null; earlier: Crumb | null; up?: Crumb }) {
  if (!later && !earlier && !up) return null
  return (
    <nav className="pager" aria-label={label}>
      {later ? <a href={later.path}>← {later.name}</a> : <span />}
      {up ? <a href={up.path}>{up.name}</a> : null}
      {earlier ? <a href={earlier.path}>{earlier.name} →</a> : <span />}
    </nav>
  )
}
