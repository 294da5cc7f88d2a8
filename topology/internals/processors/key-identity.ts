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
    if (value instanceof Uint8Array) return { $bytes: toBase64(value) }
    if (typeof value === 'bigint') return { $bigint: value.toString() }
    return value
  })
}

/**
 * Base64 of bytes, without Node's Buffer (the code also runs under Deno).
 *
 * @example
 * ```ts
 * toBase64(new Uint8Array([1, 2])) // 'AQI='
 * ```
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/**
 * Bytes of a base64 string.
 *
 * @example
 * ```ts
 * fromBase64('AQI=') // Uint8Array [1, 2]
 * ```
 */
export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
}

/**
 * Lower-case hex of bytes (an order-preserving string identity of serialized keys).
 *
 * @example
 * ```ts
 * toHex(new Uint8Array([1, 255])) // '01ff'
 * ```
 */
export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}
