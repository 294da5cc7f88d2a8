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
 * dropped, i.e. no key appears twice in one object. `text`, the bytes decoded, makes the common
 * case cheaper.
 *
 * @example
 * ```ts
 * holdsExactly(enc.encode('{"a":1}'), { a: 1 }) // true
 * holdsExactly(enc.encode('{"a":9,"a":1}'), { a: 1 }) // false
 * ```
 */
export function holdsExactly(bytes: Uint8Array, parsed: unknown, text?: string): boolean {
  if (bytes[0] !== OPEN_BRACE) return false
  const members = countMembers(parsed)
  // every member has a `:` outside strings, so all colons of the text (a fast native search) can
  // only match the members when none is in a string and no key repeats; else count exactly
  if (text !== undefined && countChar(text, ':') === members) return true
  return countColons(bytes) === members
}

/** Occurrences of a character in a string. */
function countChar(text: string, char: string): number {
  let n = 0
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++
  return n
}
