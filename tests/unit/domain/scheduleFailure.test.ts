import { describe, expect, it } from '@jest/globals'

import { describeScheduleFailure } from '../../../src/domain/articles/scheduleFailure'

const failed = {
  hasError: true,
  waitUntil: '2026-11-28T12:00:00.000Z',
  input: { type: 'publish' },
  error: { name: 'Error', message: 'job failed' },
  log: [{ executedAt: '', completedAt: '', taskSlug: 'schedulePublish' as const, taskID: '1', state: 'failed' as const, error: { message: 'This article cannot be published: its image is NC.' } }],
}

describe('describeScheduleFailure', () => {
  it('tells the editor when the publish was due and why it failed, from the task log', () => {
    expect(describeScheduleFailure(failed)).toBe('The publish scheduled for 2026-11-28 12:00 UTC did not happen, and the article is still a draft: This article cannot be published: its image is NC.')
  })

  it('falls back to the job error when the log has none', () => {
    expect(describeScheduleFailure({ ...failed, log: [] })).toMatch(/still a draft: job failed$/)
  })

  it('says nothing for a job that succeeded, an unpublish or no job', () => {
    expect(describeScheduleFailure({ ...failed, hasError: false })).toBeNull()
    expect(describeScheduleFailure({ ...failed, input: { type: 'unpublish' } })).toBeNull()
    expect(describeScheduleFailure(undefined)).toBeNull()
  })
})
