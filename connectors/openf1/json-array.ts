/**
 * @module
 * A forgiving reader of JSON arrays as OpenF1 dumps them: a whole array parses at once; a damaged
 * or truncated one is split into its top-level elements (tracking strings and nesting), each
 * parsed alone, so one bad element or a cut-off tail costs only those elements. Never throws.
 */

/** What {@link readJsonArray} found. */
export interface JsonArrayRead {
  items: unknown[]
  /** Elements that were present but not valid JSON. */
  bad: number
  /** The text ended before the array was closed (a partial download). */
  truncated: boolean
  /** Why the text is not an array at all, if it is not. */
  error?: string
}

/**
 * Reads a JSON array, tolerating bad elements and a truncated end.
 *
 * @example
 * ```ts
 * readJsonArray('[{"a":1},{"a":') // { items: [{ a: 1 }], bad: 0, truncated: true }
 * ```
 */
export function readJsonArray(text: string): JsonArrayRead {
  try {
    const whole = JSON.parse(text) as unknown
    if (Array.isArray(whole)) return { items: whole, bad: 0, truncated: false }
    return { items: [], bad: 0, truncated: false, error: 'the JSON value is not an array' }
  } catch {
    // fall through to the element scanner
  }
  const start = text.search(/\S/)
  if (start === -1 || text[start] !== '[') {
    return { items: [], bad: 0, truncated: false, error: 'the text does not start with a JSON array' }
  }
  const items: unknown[] = []
  let bad = 0
  let depth = 0
  let inString = false
  let escaped = false
  let from = start + 1
  const flush = (to: number) => {
    const element = text.slice(from, to).trim()
    from = to + 1
    if (element === '') return
    try {
      items.push(JSON.parse(element))
    } catch {
      bad++
    }
  }
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (escaped) escaped = false
      else if (c === '\\') escaped = true
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') inString = true
    else if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') {
      if (depth === 0) {
        flush(i) // the array's own closing bracket
        return { items, bad, truncated: false }
      }
      depth--
    } else if (c === ',' && depth === 0) flush(i)
  }
  // no closing bracket: the last element is cut off unless it happens to be complete
  const tail = text.slice(from).trim()
  if (tail !== '') {
    try {
      items.push(JSON.parse(tail))
    } catch {
      // a cut-off element is the truncation itself, not a bad entry
    }
  }
  return { items, bad, truncated: true }
}
