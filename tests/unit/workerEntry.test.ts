import fs from 'node:fs'
import path from 'node:path'

import { afterEach, describe, expect, it } from '@jest/globals'

import { buildServer } from '../../scripts/lib/buildServer'
import { registerCompiledWorkers, WORKER_ENTRIES, workerScript } from '../../src/lib/workerEntry'

afterEach(() => registerCompiledWorkers(null))

describe('workerScript', () => {
  it('runs a worker from its TypeScript through tsx when the server runs from source', () => {
    expect(workerScript(WORKER_ENTRIES.image)).toBe(`require('tsx/cjs'); require(${JSON.stringify(path.join(process.cwd(), WORKER_ENTRIES.image))})`)
  })

  it('runs the compiled script beside the compiled server, without tsx', () => {
    registerCompiledWorkers('/srv/app/.server')
    expect(workerScript(WORKER_ENTRIES.ranking)).toBe(`require(${JSON.stringify('/srv/app/.server/rankingThreadMain.cjs')})`)
  })
})

describe('buildServer', () => {
  it('compiles the server and every worker where the compiled server finds them', async () => {
    const server = await buildServer()
    expect(server).toBe(path.join(process.cwd(), '.server', 'server.mjs'))
    for (const entry of Object.values(WORKER_ENTRIES)) {
      const compiled = path.join(path.dirname(server), `${path.basename(entry, '.ts')}.cjs`)
      expect(fs.readFileSync(compiled, 'utf8')).toContain('require(')
    }
    expect(fs.readdirSync(path.dirname(server)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
