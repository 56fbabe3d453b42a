import { describe, expect, it } from '@jest/globals'

import { runNpmScript } from '../support/npmScript'

const KINDS = ['create article', 'update article', 'publish article', 'upload image', 'delete article', 'read front page']

describe('short soak: npm run soak (SOAK_SECONDS=4; the documented run is 60 s)', () => {
  it('20 editors, the admin and readers from one address: no 5xx, no dropped connection, every acknowledged write there', async () => {
    // Twenty editors and the admin log in from this one address: more than the default login limit allows.
    const run = await runNpmScript('soak', { SOAK_SECONDS: '4', SOAK_READERS: '4' })
    expect({ status: run.status, output: run.output }).toEqual({ status: 0, output: run.output })
    expect(run.stdout).toMatch(/^soak: starts its own production server on a throwaway database, SQLite \/\S+\/soak\.db$/m)
    expect(run.stdout).toMatch(/^soak: 20 editors and 4 readers for 4 s/m)
    expect(run.stdout).toMatch(/^5xx: 0, network errors: 0$/m)
    expect(run.stdout).toMatch(/^lost writes: 0$/m)
    // Something must have been written and checked, or the zeros above prove nothing.
    const figure = (pattern: RegExp) => Number(pattern.exec(run.stdout)?.[1])
    expect(figure(/^acknowledged writes: (\d+)/m)).toBeGreaterThan(20)
    expect(figure(/\((\d+) documents read back/)).toBeGreaterThan(8)
    for (const kind of KINDS) expect(run.stdout).toMatch(new RegExp(`^  ${kind} +\\d+ requests`, 'm'))
  }, 300_000)
})
