import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

const readme = fs.readFileSync(path.resolve('README.md'), 'utf8')
const packageText = fs.readFileSync(path.resolve('package.json'), 'utf8')
const scripts = Object.keys((JSON.parse(packageText) as { scripts: Record<string, string> }).scripts)

/** Every `npm run <name>`, `npm start` and `npm test` the text names (a trailing full stop is prose). */
function documentedScripts(text: string): string[] {
  const named = [...text.matchAll(/\bnpm run ([\w:.-]+)/g)].map((match) => match[1]!.replace(/\.+$/, ''))
  const builtIn = [...text.matchAll(/\bnpm (start|test)\b/g)].map((match) => match[1]!)
  return [...new Set([...named, ...builtIn])].sort()
}

/** The keys of one top-level object of package.json, as written: JSON.parse keeps only the last of a duplicate. */
function keysAsWritten(block: string): string[] {
  const body = new RegExp(`"${block}": \\{([^}]*)\\}`).exec(packageText)?.[1] ?? ''
  return [...body.matchAll(/^\s*"([^"]+)":/gm)].map((match) => match[1]!)
}

describe('the README and package.json', () => {
  it('names only npm scripts that package.json has', () => {
    const documented = documentedScripts(readme)
    expect(documented).toEqual(expect.arrayContaining(['backup', 'restore', 'export', 'import', 'soak', 'seed', 'lint']))
    expect(documented.filter((name) => !scripts.includes(name))).toEqual([])
  })

  it('finds a missing script', () => {
    expect(documentedScripts('Run `npm run frobnicate -- x`, then `npm start`.')).toEqual(['frobnicate', 'start'])
  })

  it.each(['scripts', 'dependencies', 'devDependencies'])('lists each of package.json %s once', (block) => {
    const keys = keysAsWritten(block)
    expect(keys.length).toBeGreaterThan(0)
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([])
  })
})
