import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { freePort } from './serverProcess'
import { makeSharedTempDir, runCommand } from './systemCommand'
import { renderBackendsVcl, type Backend } from './varnishBackends'

export type RunningVarnish = {
  url: string
  purgeUrl: string
  /** What Varnish's probes make of each app process now: app1, app2, … → healthy or sick. */
  backendHealth: () => Promise<Record<string, string>>
  stop: () => Promise<void>
}

const VCL = path.resolve('deploy/varnish/default.vcl')

/**
 * varnishd in the foreground (a child of ours, gone when we stop it) with the repository's VCL
 * and a backends file for these processes. Its worker drops privileges, hence a folder others can read.
 */
export async function startVarnish(backends: Backend[], { memory = '64m', port }: { memory?: string; port?: number } = {}): Promise<RunningVarnish> {
  const dir = makeSharedTempDir('varnish')
  fs.copyFileSync(VCL, path.join(dir, 'default.vcl'))
  fs.writeFileSync(path.join(dir, 'backends.vcl'), renderBackendsVcl(backends))
  for (const file of ['default.vcl', 'backends.vcl']) fs.chmodSync(path.join(dir, file), 0o644)
  port ??= await freePort()
  const workDir = path.join(dir, 'work')
  // As root its worker drops to Varnish's own user; as anyone else there is no user to drop to.
  const jail = process.getuid?.() === 0 ? [] : ['-j', 'none']
  const args = [...jail, '-F', '-a', `127.0.0.1:${port}`, '-f', path.join(dir, 'default.vcl'), '-p', `vcl_path=${dir}`, '-s', `malloc,${memory}`, '-n', workDir]
  const child = spawn('varnishd', args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.once('error', (error) => (log += `\n${error.message} (apt-get install -y --no-install-recommends varnish varnish-modules)`))

  const url = `http://127.0.0.1:${port}`
  const backendHealth = async () => {
    const table = await runCommand('varnishadm', ['-n', workDir, 'backend.list'])
    // Rows: "boot.app1   probe   3/3   healthy   <date>"
    return Object.fromEntries([...table.matchAll(/^boot\.(\S+)\s+\S+\s+\S+\s+(healthy|sick)/gm)].map((row) => [row[1]!, row[2]!]))
  }
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || log.includes('(apt-get')) break
    // Any HTTP answer (even a PURGE refused for a missing header) means the child is serving.
    const answered = await fetch(url, { method: 'PURGE' }).then(() => true, () => false)
    if (answered) return { url, purgeUrl: `${url}/`, backendHealth, stop }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await stop()
  throw new Error(`varnishd did not start:\n${log}`)
}
