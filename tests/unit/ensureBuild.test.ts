import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from '@jest/globals'

import { buildNeeded } from '../../src/server/ensureBuild'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-build-'))
  dirs.push(dir)
  fs.mkdirSync(path.join(dir, 'src', 'app'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'src', 'app', 'page.tsx'), 'x')
  fs.writeFileSync(path.join(dir, 'payload.config.ts'), 'x')
  return dir
}

function touch(file: string, secondsFromNow: number): void {
  const time = new Date(Date.now() + secondsFromNow * 1000)
  fs.utimesSync(file, time, time)
}

describe('buildNeeded', () => {
  it('asks for a build when there is none', () => {
    expect(buildNeeded(project())).toBe('no production build found')
  })

  it('is satisfied by a build newer than the code, and asks again when any source file changes', () => {
    const dir = project()
    fs.mkdirSync(path.join(dir, '.next'))
    fs.writeFileSync(path.join(dir, '.next', 'BUILD_ID'), 'id')
    touch(path.join(dir, 'src', 'app', 'page.tsx'), -60)
    touch(path.join(dir, 'src', 'app'), -60)
    touch(path.join(dir, 'src'), -60)
    touch(path.join(dir, 'payload.config.ts'), -60)
    expect(buildNeeded(dir)).toBeNull()
    touch(path.join(dir, 'src', 'app', 'page.tsx'), 60)
    expect(buildNeeded(dir)).toBe('the production build is older than src')
    touch(path.join(dir, 'src', 'app', 'page.tsx'), -60)
    touch(path.join(dir, 'payload.config.ts'), 60)
    expect(buildNeeded(dir)).toBe('the production build is older than payload.config.ts')
  })
})
