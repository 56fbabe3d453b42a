import fs from 'node:fs'

import { describe, expect, it } from '@jest/globals'

import { SERVER_MALLOC_ENV, SERVER_NODE_FLAGS } from '../../scripts/lib/serverProcess'

const startScript = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start!

describe('npm start and the server the tests and benchmarks start', () => {
  it('run Node with the same memory settings', () => {
    expect(SERVER_NODE_FLAGS).toEqual(expect.arrayContaining(['--max-semi-space-size=4', '--heap-growing-percent=50']))
    const [environment, command] = startScript.split(/\s(?=node\s)/)
    for (const flag of SERVER_NODE_FLAGS) expect(command!.split(' ').slice(1, -1)).toContain(flag)
    for (const [name, value] of Object.entries(SERVER_MALLOC_ENV)) expect(environment!.split(' ')).toContain(`${name}=${value}`)
  })
})
