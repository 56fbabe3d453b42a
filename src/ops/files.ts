/** File-tree helpers shared by backup, restore, export and import: listing, hashing, copying. */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

export type FileEntry = { path: string; bytes: number; sha256: string }

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Every file under `dir`, as paths relative to it with '/' separators, sorted; none when `dir` is missing. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

/** Size and checksum of one file, under the name it has in an archive. */
export async function describeFile(file: string, name: string): Promise<FileEntry> {
  return { path: name, bytes: (await fs.stat(file)).size, sha256: await sha256Of(file) }
}

/** Size and checksum of every file under `dir`, named `<prefix>/<relative path>`. */
export async function describeFiles(dir: string, prefix: string): Promise<FileEntry[]> {
  const described: FileEntry[] = []
  for (const relative of await listFiles(dir)) described.push(await describeFile(path.join(dir, relative), `${prefix}/${relative}`))
  return described
}

/**
 * How a file is mirrored: linked (instant, and a file replaced later by rename keeps the linked
 * version intact), copied as it is now (a file that may still be written in place, which a link
 * would follow), or left out.
 */
export type MirrorWay = 'link' | 'copy' | 'skip'

/** Mirrors a folder, each file the way `wayOf` says; links fall back to copies across file systems. */
export async function mirrorTree(from: string, to: string, wayOf: (relative: string) => MirrorWay): Promise<void> {
  for (const relative of await listFiles(from)) {
    const way = wayOf(relative)
    if (way === 'skip') continue
    const source = path.join(from, relative)
    const target = path.join(to, relative)
    await fs.mkdir(path.dirname(target), { recursive: true })
    const linked = way === 'link' ? fs.link(source, target) : fs.copyFile(source, target)
    await linked.catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'EXDEV' || error.code === 'EPERM') return fs.copyFile(source, target)
      // Deleted since it was listed: the caller checks what the database still references.
      if (error.code === 'ENOENT') return undefined
      throw error
    })
  }
}

/** Moves a file or folder into place, copying when it lies on another file system. */
export async function moveInto(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(to), { recursive: true })
  await fs.rename(from, to).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EXDEV') throw error
    await fs.cp(from, to, { recursive: true })
    await fs.rm(from, { recursive: true, force: true })
  })
}

export async function isEmptyOrMissing(target: string): Promise<boolean> {
  const stat = await fs.stat(target).catch(() => undefined)
  if (!stat) return true
  return stat.isDirectory() && (await fs.readdir(target)).length === 0
}
