/**
 * @module
 * Normalizes a parsed raw record before validation, so the same sample from the simulator, the F1
 * game (f1-udp) and an OpenF1 replay reads the same: the sources already convert units (see the
 * model README), but their JSON types drift. Only lossless conversions are made here; a value that
 * needs guessing is left alone and validation quarantines it.
 */

const DIGITS = /^-?\d+(\.\d+)?$/

/** Integer-valued envelope fields that sources send as strings or floats. */
const INTEGER_FIELDS = ['carNumber', 'lap', 'sequence', 'gear', 'ageLaps'] as const

function toInteger(value: unknown): unknown {
  if (typeof value === 'string' && DIGITS.test(value.trim())) value = Number(value)
  return typeof value === 'number' && Number.isInteger(value) ? value : value
}

function toEpochMs(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value)
  if (typeof value === 'string') {
    if (DIGITS.test(value.trim())) return Math.round(Number(value))
    const parsed = Date.parse(value)
    return Number.isNaN(parsed) ? value : parsed
  }
  return value
}

/** Whether {@link normalizeRaw} would change anything (most records: no, and no copy is made). */
function needsNormalizing(o: Record<string, unknown>): boolean {
  const t = o.timestamp
  if ('timestamp' in o && !(typeof t === 'number' && Number.isInteger(t))) return true
  if (typeof o.sessionKey === 'number' || typeof o.sessionKey === 'bigint') return true
  for (const field of INTEGER_FIELDS) if (typeof o[field] === 'string') return true
  const c = o.channel
  return typeof c === 'string' && c !== c.trim().toLowerCase()
}

/**
 * Returns a normalized copy, or the input itself when nothing needs normalizing: `timestamp` as integer epoch ms (OpenF1's ISO dates and fractional ms
 * are converted), `sessionKey` as a string (OpenF1's numeric session_key, the game's u64 UID),
 * integer fields given as digit strings as numbers, `channel` lower case.
 *
 * @example
 * ```ts
 * normalizeRaw({ sessionKey: 9158, timestamp: '2025-07-06T14:00:00.123Z', carNumber: '44' })
 * // { sessionKey: '9158', timestamp: 1751810400123, carNumber: 44 }
 * ```
 */
export function normalizeRaw(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input
  if (!needsNormalizing(input as Record<string, unknown>)) return input
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) }
  if ('timestamp' in out) out.timestamp = toEpochMs(out.timestamp)
  if (typeof out.sessionKey === 'number' || typeof out.sessionKey === 'bigint') out.sessionKey = String(out.sessionKey)
  for (const field of INTEGER_FIELDS) if (field in out) out[field] = toInteger(out[field])
  if (typeof out.channel === 'string') out.channel = out.channel.trim().toLowerCase()
  return out
}
