import fs from 'node:fs'

import { describe, expect, it } from '@jest/globals'

import { SERVER_BUNDLE } from '../../scripts/lib/buildServer'
import { SERVER_MALLOC_ENV, SERVER_NODE_FLAGS } from '../../scripts/lib/serverProcess'

const startScript = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start!
const [buildStep, serverStep] = startScript.split(' && ')
const [environment, command] = serverStep!.split(/\s(?=node\s)/)
const commandWords = command!.split(' ')

describe('npm start and the server the tests and benchmarks start', () => {
  it('run Node with the same memory settings', () => {
    expect(SERVER_NODE_FLAGS).toEqual(expect.arrayContaining(['--heap-growing-percent=50']))
    for (const flag of SERVER_NODE_FLAGS) expect(commandWords.slice(1, -1)).toContain(flag)
    for (const [name, value] of Object.entries(SERVER_MALLOC_ENV)) expect(environment!.split(' ')).toContain(`${name}=${value}`)
  })

  it('compile the server first and run the compiled module with plain Node, without tsx', () => {
    expect(buildStep).toBe('node --import tsx scripts/buildServer.ts')
    expect(commandWords.at(-1)).toBe(SERVER_BUNDLE)
    expect(commandWords).not.toContain('tsx')
    expect(command).not.toMatch(/--(import|require|loader)\b/)
  })
})
