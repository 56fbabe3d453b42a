'use client'

import { useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Loaded = { status: 'ready'; html: string } | { status: 'error'; message: string }
type State = { status: 'none' } | { status: 'loading' } | Loaded
type ImageId = number | string

/**
 * Shows, on the article edit screen, the image credit exactly as readers will see it: the HTML
 * comes from the media API's computed `credit`, which the site renders too.
 */
export function CreditPreview() {
  const value = useFormFields(([fields]) => fields.heroImage?.value) as ImageId | null | undefined
  const imageId = value === null || value === undefined || value === '' ? null : value
  // What the last fetch found, for the image it was made for: a newer choice shows "Loading…" until its own arrives.
  const [loaded, setLoaded] = useState<{ imageId: ImageId; state: Loaded } | null>(null)

  useEffect(() => {
    if (imageId === null) return
    const controller = new AbortController()
    fetch(`/api/media/${encodeURIComponent(String(imageId))}?depth=0`, { credentials: 'include', signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`the image could not be loaded (${response.status})`)
        const media = (await response.json()) as { credit?: { html?: string | null } }
        setLoaded({ imageId, state: { status: 'ready', html: media.credit?.html ?? '' } })
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ imageId, state: { status: 'error', message: error instanceof Error ? error.message : String(error) } })
      })
    return () => controller.abort()
  }, [imageId])

  const state: State = imageId === null ? { status: 'none' } : loaded?.imageId === imageId ? loaded.state : { status: 'loading' }

  return (
    <div className="field-type credit-preview" style={{ marginBottom: 'var(--spacing-field)' }}>
      <span className="field-label">Image credit, as readers see it</span>
      {state.status === 'none' ? <p style={{ opacity: 0.7 }}>No image chosen.</p> : null}
      {state.status === 'loading' ? <p style={{ opacity: 0.7 }}>Loading…</p> : null}
      {state.status === 'error' ? <p role="alert">Could not show the credit: {state.message}</p> : null}
      {state.status === 'ready' ? (
        state.html ? (
          // The HTML is built and escaped by the attribution model (src/licensing).
          <p data-testid="credit-preview" dangerouslySetInnerHTML={{ __html: state.html }} />
        ) : (
          <p role="alert">This image has no credit yet: add its creator and license in Media.</p>
        )
      ) : null}
    </div>
  )
}
