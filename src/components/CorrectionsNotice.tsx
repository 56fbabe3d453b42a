import type { Correction } from '@/lib/data/views'
import { PublishedDate } from './PublishedDate'

/** Corrections stay visible on the article, oldest first, as news practice asks. */
export function CorrectionsNotice({ corrections, timeZone }: { corrections: Correction[]; timeZone: string }) {
  if (corrections.length === 0) return null
  return (
    <aside className="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{corrections.length === 1 ? 'Correction' : 'Corrections'}</h2>
      <ul>
        {corrections.map((correction) => (
          <li key={`${correction.date}-${correction.text}`}>
            <PublishedDate iso={correction.date} timeZone={timeZone} />: {correction.text}
          </li>
        ))}
      </ul>
    </aside>
  )
}
