import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './serverProcess'

/**
 * The benchmark's yardstick: a bare `node:http` server in its own process answering every request
 * with the given bytes and headers. What no Node server can beat on this machine, measured in the same run.
 */
export async function startBaseline(body: Buffer, headers: Record<string, string | string[]>): Promise<{ child: ChildProcess; url: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-baseline-'))
  const bodyFile = path.join(dir, 'body')
  fs.writeFileSync(bodyFile, body)
  const port = await freePort()
  const source = `
    const http = require('node:http')
    const body = require('node:fs').readFileSync(${JSON.stringify(bodyFile)})
    const headers = { ...${JSON.stringify(headers)}, 'content-length': body.length }
    http.createServer((req, res) => { res.writeHead(200, headers); res.end(body) }).listen(${port}, '127.0.0.1', () => console.log('ready'))
  `
  // The body is read before 'ready': the folder goes once the server has started, or failed to.
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)))
  }).finally(() => fs.rmSync(dir, { recursive: true, force: true }))
  return { child, url: `http://127.0.0.1:${port}/` }
}
