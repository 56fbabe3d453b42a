import { describe, expect, it } from '@jest/globals'

import { formatSoakReport, runSoak } from '../../src/ops/soak/runSoak'
import { ADMIN, adminToken, baseUrl } from '../support/http'

describe('short soak (npm run soak runs the long one)', () => {
  it('editors and readers at once: no 5xx, no dropped connection, every acknowledged write there', async () => {
    await adminToken()
    const report = await runSoak({ baseUrl: baseUrl(), admin: ADMIN, durationMs: 4000, editors: 8, readers: 4 })
    const summary = formatSoakReport(report)
    expect({ serverErrors: report.serverErrors, networkErrors: report.networkErrors, lostWrites: report.lostWrites, summary }).toEqual({ serverErrors: 0, networkErrors: 0, lostWrites: [], summary })
    // Something must have been written and checked, or the zeros above prove nothing.
    expect(report.acknowledgedWrites).toBeGreaterThan(20)
    expect(report.documentsChecked).toBeGreaterThan(8)
    expect(Object.keys(report.byKind)).toEqual(expect.arrayContaining(['create article', 'update article', 'publish article', 'upload image', 'delete article', 'read front page']))
  }, 120_000)
})
