import { renderCreditHtml } from '@/licensing'
import type { CreditSubject } from '@/licensing/types'

type Props = { credit: CreditSubject; imageUrl: string }

/**
 * The credit line, from the one attribution model (with CC REL RDFa). The model escapes every
 * value, which is why its HTML can be inserted as is.
 */
export function ImageCredit({ credit, imageUrl }: Props) {
  const html = renderCreditHtml(credit, { imageUrl })
  if (!html) return null
  return <small className="credit" dangerouslySetInnerHTML={{ __html: html }} />
}
