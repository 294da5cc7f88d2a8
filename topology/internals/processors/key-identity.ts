/**
 * @module
 * Processors that index keys in memory (the suppression buffer) need a string identity for keys
 * that may be objects (windowed keys). The DSL passes one built on the key serde; this fallback is
 * a JSON form that also handles binary and bigint values.
 */

/**
 * A stable string identity of a key.
 *
 * @example
 * ```ts
 * keyIdentity({ key: 'car-44', window: { start: 0, end: 1000 } }) // '{"key":"car-44","window":{"start":0,"end":1000}}'
 * ```
 */
export function keyIdentity(key: unknown): string {
  return JSON.stringify(key, (_name, value: unknown) => {
    if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') }
    if (typeof value === 'bigint') return { $bigint: value.toString() }
    return value
  })
}
