import { IncomingMessage, ServerResponse, STATUS_CODES } from 'node:http'
import { Socket } from 'node:net'

/** `[name, value, name, value, …]`, what `writeHead` takes in one call. */
export type HeaderList = Array<string | string[]>

/**
 * The fields of Node's ServerResponse that `writeHead` sets and reads (node:_http_outgoing,
 * `_storeHeader`): the head it makes is kept in `_header` until `end()` sends it with the body.
 */
type ResponseInternals = ServerResponse & {
  _header: string | null
  _headerSent: boolean
  _removedConnection: boolean
  _keepAliveTimeout: number
  _defaultKeepAlive: boolean
  _maxRequestsPerSocket: number
  shouldKeepAlive: boolean
  maxRequestsOnConnectionReached: boolean
}

/** Whether this Node keeps a response's head as `writeHead` does in Node 20; if not, every hit goes through `writeHead`. */
function nodeKeepsHeadAsString(): boolean {
  const res = new ServerResponse(new IncomingMessage(new Socket())) as ResponseInternals
  return res._header === null && res._headerSent === false && res._removedConnection === false && typeof res._keepAliveTimeout === 'number' && typeof res.shouldKeepAlive === 'boolean'
}

const SUPPORTED = nodeKeepsHeadAsString()

/** The header lines of a list, as Node writes them (an array value as one line per item). */
export function headerLines(list: HeaderList): string {
  let lines = ''
  for (let index = 0; index < list.length; index += 2) {
    const name = list[index] as string
    const value = list[index + 1]!
    for (const item of Array.isArray(value) ? value : [value]) lines += `${name}: ${item}\r\n`
  }
  return lines
}

let dateSecond = -1
let dateLine = ''
let keepAliveLines = ''
let keepAliveFor: Pick<ResponseInternals, '_keepAliveTimeout' | '_defaultKeepAlive' | '_maxRequestsPerSocket'> | null = null
/**
 * Whole heads by status and header lines, for the current second and keep-alive settings: one
 * string each, joined (and flattened by its first write) once. At most this many a second.
 */
const MAX_HEADS = 256
const heads = new Map<number, Map<string, string>>()
let headCount = 0

function forgetHeads(): void {
  heads.clear()
  headCount = 0
}

/**
 * Sets the head of a hit as the exact bytes `writeHead(status, list)` would make, from its header
 * lines made once per entry (hitHeaders): Node's `writeHead` validates, lower-cases and joins
 * every one of a hit's two dozen headers on every request, a tenth of a hit's CPU. Only in the
 * common case, where Node adds nothing but its Date and keep-alive lines: an HTTP/1.1 connection
 * kept alive, no header set before (a shutdown's `Connection: close`). Returns false otherwise,
 * and the caller uses `writeHead`. tests/unit/responseCache/serve.test.ts compares the bytes
 * with Node's own.
 */
export function setPreparedHead(res: ServerResponse, status: number, lines: string, now = Date.now()): boolean {
  const internals = res as ResponseInternals
  if (!SUPPORTED || internals._header !== null || !internals.shouldKeepAlive || internals.maxRequestsOnConnectionReached || internals._removedConnection || !res.sendDate) return false
  if (res.getHeaderNames().length > 0) return false
  const second = Math.floor(now / 1000)
  if (second !== dateSecond) {
    dateSecond = second
    dateLine = `Date: ${new Date(now).toUTCString()}\r\n`
    forgetHeads()
  }
  const { _keepAliveTimeout: timeout, _defaultKeepAlive: byDefault, _maxRequestsPerSocket: maxRequests } = internals
  if (timeout !== keepAliveFor?._keepAliveTimeout || byDefault !== keepAliveFor._defaultKeepAlive || maxRequests !== keepAliveFor._maxRequestsPerSocket) {
    keepAliveFor = { _keepAliveTimeout: timeout, _defaultKeepAlive: byDefault, _maxRequestsPerSocket: maxRequests }
    const max = ~~maxRequests > 0 ? `, max=${maxRequests}` : ''
    keepAliveLines = `Connection: keep-alive\r\n${timeout && byDefault ? `Keep-Alive: timeout=${Math.floor(timeout / 1000)}${max}\r\n` : ''}`
    forgetHeads()
  }
  let byLines = heads.get(status)
  if (!byLines) heads.set(status, (byLines = new Map()))
  let head = byLines.get(lines)
  if (head === undefined) {
    head = `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines}${dateLine}${keepAliveLines}\r\n`
    if (headCount < MAX_HEADS) {
      byLines.set(lines, head)
      headCount += 1
    }
  }
  res.statusCode = status
  internals._header = head
  internals._headerSent = false
  return true
}
