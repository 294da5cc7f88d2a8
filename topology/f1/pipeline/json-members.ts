/**
 * @module
 * Whether a JSON text holds exactly the members its parsed value has: JSON.parse keeps the last of
 * duplicated keys silently, so a text with duplicates is not the value it parses to for every
 * reader. The raw -> clean stage forwards a valid, unnormalized sample's raw bytes as its clean
 * record only when they pass this check (no duplicate key at any depth, no byte-order mark,
 * an object), instead of serializing the sample again.
 */

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a
const OPEN_BRACE = 0x7b

/** Member separators (`:` outside strings) in a UTF-8 JSON text; -1 unless it starts with `{`. */
function countColons(bytes: Uint8Array): number {
  if (bytes[0] !== OPEN_BRACE) return -1
  let n = 0
  let inString = false
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (inString) {
      if (b === BACKSLASH) i++
      else if (b === QUOTE) inString = false
    } else if (b === QUOTE) inString = true
    else if (b === COLON) n++
  }
  return n
}

/** Object members of a parsed JSON value, at every depth. */
function countMembers(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0
  let n = 0
  if (Array.isArray(value)) {
    for (const v of value) n += countMembers(v)
    return n
  }
  for (const key in value) n += 1 + countMembers((value as Record<string, unknown>)[key])
  return n
}

/**
 * True when `bytes` (a JSON object, UTF-8, no byte-order mark) parses to `parsed` with no member
 * dropped, i.e. no key appears twice in one object.
 *
 * @example
 * ```ts
 * holdsExactly(enc.encode('{"a":1}'), { a: 1 }) // true
 * holdsExactly(enc.encode('{"a":9,"a":1}'), { a: 1 }) // false
 * ```
 */
export function holdsExactly(bytes: Uint8Array, parsed: unknown): boolean {
  const colons = countColons(bytes)
  return colons >= 0 && colons === countMembers(parsed)
}
