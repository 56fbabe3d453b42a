import { describe, expect, it } from '@jest/globals'

import { formatPublishingBlock } from '../../../src/licensing/publishingBlock'

const violation = { rule: 'non-commercial' as const, message: 'The image’s license (CC BY-NC 4.0) forbids commercial use, and this publication is commercial.' }

describe('formatPublishingBlock', () => {
  it('is null when nothing blocks publishing', () => {
    expect(formatPublishingBlock({ alt: 'x', filename: 'x.jpg' }, [])).toBeNull()
  })

  it('names the image and every broken rule, and says drafts are fine', () => {
    expect(formatPublishingBlock({ alt: 'A harbour', filename: 'harbour.jpg' }, [violation])).toBe(
      'This article cannot be published: its image “A harbour” (harbour.jpg) may not be used here. ' +
        'The image’s license (CC BY-NC 4.0) forbids commercial use, and this publication is commercial. You can still save it as a draft.',
    )
  })

  it('copes with an image without alt text or file name', () => {
    expect(formatPublishingBlock({ alt: ' ', filename: null }, [violation])).toContain('its image without a name may not')
  })
})
