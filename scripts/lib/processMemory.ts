// Memory of a process tree, from /proc (Linux): how the benchmarks measure the server and its children.
import fs from 'node:fs'

/** A process of the server's tree, by what it runs. */
export type Role = 'server' | 'image worker' | 'other'
export type TreeMember = { pid: number; role: Role; rssMb: number }

export function roleOf(pid: number, root: number, cmdline: string): Role {
  if (pid === root) return 'server'
  return cmdline.includes('imageWorkerMain') ? 'image worker' : 'other'
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8')
  } catch {
    return undefined // gone meanwhile
  }
}

/** Each process of the tree under `pid` (workers are threads, children processes) with its resident memory, in MB. */
export function processTree(pid: number): TreeMember[] {
  const parents = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = readProc(Number(entry), 'stat')
    if (stat) parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
  }
  const tree = [pid]
  for (let index = 0; index < tree.length; index += 1) for (const [child, parent] of parents) if (parent === tree[index]) tree.push(child)
  return tree.flatMap((member) => {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readProc(member, 'status') ?? '')?.[1] ?? 0)
    return kb > 0 ? [{ pid: member, role: roleOf(member, pid, readProc(member, 'cmdline') ?? ''), rssMb: Math.round(kb / 1024) }] : []
  })
}

/** Resident memory of a process and all its descendants, in MB. */
export function treeRssMb(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + member.rssMb, 0)
}
