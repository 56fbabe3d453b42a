import type { ContentCredentialsView } from '@/lib/data/views'
import { formatDate } from '@/lib/format'

const STATES: Record<ContentCredentialsView['validationState'], string> = {
  Trusted: 'verified',
  Valid: 'intact; the signer is not on the trust list',
  Invalid: 'do not validate: the file was changed after signing',
}

/** "Content Credentials: signed by …, 30 November 2026 · opened, resized, edited.metadata · verified". */
export function ContentCredentialsSummary({ summary, timeZone }: { summary: ContentCredentialsView; timeZone: string }) {
  return (
    <p className="meta content-credentials">
      Content Credentials: signed by {summary.signedBy ?? 'an unnamed signer'}
      {summary.signedAt ? <>, {formatDate(summary.signedAt, timeZone)}</> : null} · {summary.actions.join(', ')} · {STATES[summary.validationState]}
    </p>
  )
}
