import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Runs a command; on failure the error carries its output, which these daemons fill with the reason. */
export async function runCommand(command: string, args: string[], options: { asUser?: string; cwd?: string } = {}): Promise<string> {
  const [file, argv] = options.asUser && process.getuid?.() === 0 ? ['runuser', ['-u', options.asUser, '--', command, ...args]] : [command, args]
  try {
    const { stdout } = await run(file, argv, { cwd: options.cwd, maxBuffer: 16 * 1024 * 1024 })
    return stdout
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string }
    throw new Error(`${command} ${args.join(' ')} failed:\n${`${stdout}${stderr}`.trim() || message}`, { cause: error })
  }
}

/**
 * A temporary folder other users can enter: PostgreSQL runs as `postgres` and Varnish's worker
 * drops privileges, and neither starts in mktemp's 0700 folders.
 */
export function makeSharedTempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `publication-${label}-`))
  fs.chmodSync(dir, 0o755)
  return dir
}

/** Hands a folder to a service user when we are root (PostgreSQL refuses to run as root). */
export async function giveToUser(dir: string, user: string): Promise<void> {
  if (process.getuid?.() === 0) await runCommand('chown', ['-R', `${user}:`, dir])
}
