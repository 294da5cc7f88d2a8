/**
 * @module
 * The boundary between the runtime and a user-supplied logger: fields are made JSON-safe (offsets
 * are bigints internally; `JSON.stringify` throws on them) and a logger that throws anyway is
 * ignored, since a log line must never fail a commit and send the worker into recovery.
 */
import type { Logger } from './logger.ts'

const MAX_DEPTH = 8

/**
 * A JSON-safe copy of `value`: bigints become numbers when exact, else strings; Maps become
 * objects, Sets arrays, errors `{ name, message }`; functions and symbols strings; cycles and deep
 * nesting `'[...]'`.
 *
 * @example
 * ```ts
 * jsonSafe({ positions: new Map([['in', 42n]]) }) // { positions: { in: 42 } }
 * ```
 */
export function jsonSafe(value: unknown, depth = 0, seen = new Set<object>()): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value)
  if (typeof value === 'function' || typeof value === 'symbol') return String(value)
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH || seen.has(value)) return '[...]'
  seen.add(value)
  try {
    if (value instanceof Error) return { name: value.name, message: value.message }
    if (value instanceof Map) return jsonSafe(Object.fromEntries(value), depth, seen)
    if (value instanceof Set || Array.isArray(value)) return [...value].map((v) => jsonSafe(v, depth + 1, seen))
    if (ArrayBuffer.isView(value)) return `<${value.byteLength} bytes>`
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = jsonSafe(v, depth + 1, seen)
    return out
  } finally {
    seen.delete(value)
  }
}

/**
 * Wraps `logger` so every call gets JSON-safe fields and no call can throw.
 *
 * @example
 * ```ts
 * const logger = safeLogger({ info: (m, f) => console.log(m, JSON.stringify(f)), warn, error, debug })
 * logger.info('task 0_1 created', { positions: { in: 42n } }) // logs {"positions":{"in":42}}
 * ```
 */
export function safeLogger(logger: Logger): Logger {
  const call = (level: keyof Logger) => (message: string, fields?: Record<string, unknown>) => {
    try {
      const safe = fields === undefined ? undefined : (jsonSafe(fields) as Record<string, unknown>)
      logger[level](message, safe)
    } catch {
      // A broken logger loses its line; processing goes on.
    }
  }
  return { info: call('info'), warn: call('warn'), error: call('error'), debug: call('debug') }
}
