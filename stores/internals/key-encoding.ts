/**
 * @module
 * Order-preserving binary encoding of composite store keys. Comparing two encoded keys byte by
 * byte gives the same order as comparing their parts one after the other, so a window or session
 * store can be one sorted key space and a range scan over (key, time) is one contiguous range.
 *
 * - Record key: every 0x00 byte becomes 0x00 0xFF and the key ends with 0x00 0x01. Inside an
 *   escaped key a 0x00 is always followed by 0xFF, so the terminator (0x00 0x01) sorts below any
 *   continuation: a key sorts before every longer key it is a prefix of, and no encoded key is a
 *   prefix of another (`a` and `a\0` cannot be confused).
 * - Time: 8 bytes big-endian two's complement with the sign bit flipped, so negative times sort
 *   before positive ones. Any safe integer fits.
 * - Sequence number (window stores that retain duplicates): 4 bytes big-endian unsigned.
 *
 * Window key: key ‖ start ‖ [seq]. Session key: key ‖ end ‖ start, ordered by end time like Kafka
 * Streams' SessionKeySchema, so `findSessions(key, earliestEnd, ...)` is one range from
 * (key, earliestEnd) upwards. A segment prefix (the segment id as a time) goes in front of a
 * composite key inside a segmented store, so dropping a segment is one range delete.
 */

import { allocNative } from './native-bytes.ts'

const TWO_32 = 4294967296

/** Bytes of an encoded time. */
export const TIME_BYTES = 8
/** Bytes of a sequence number. */
export const SEQ_BYTES = 4
/** The smallest and largest encodable times. */
export const MIN_TIME = Number.MIN_SAFE_INTEGER
export const MAX_TIME = Number.MAX_SAFE_INTEGER
/** The largest sequence number. */
export const MAX_SEQ = 0xffffffff

/**
 * Compares byte arrays lexicographically (a shorter prefix first).
 *
 * @example
 * ```ts
 * compareBytes(Uint8Array.of(1), Uint8Array.of(1, 0)) // < 0
 * ```
 */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!
    if (d !== 0) return d
  }
  return a.length - b.length
}

/**
 * Whether two byte arrays hold the same bytes.
 *
 * @example
 * ```ts
 * equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2)) // true
 * ```
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * A 30-bit FNV-1a hash of the bytes (small enough to stay a small integer as a Map key).
 *
 * @example
 * ```ts
 * hashBytes(Uint8Array.of(1, 2)) === hashBytes(Uint8Array.of(1, 2)) // true
 * ```
 */
export function hashBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 16777619)
  return (h ^ (h >>> 30)) & 0x3fffffff
}

/** Writes `time` as 8 order-preserving bytes at `offset`. */
export function writeTime(out: Uint8Array, offset: number, time: number): void {
  const hi = Math.floor(time / TWO_32)
  const lo = time - hi * TWO_32
  const h = (hi + 0x80000000) >>> 0
  out[offset] = h >>> 24
  out[offset + 1] = (h >>> 16) & 0xff
  out[offset + 2] = (h >>> 8) & 0xff
  out[offset + 3] = h & 0xff
  out[offset + 4] = lo >>> 24
  out[offset + 5] = (lo >>> 16) & 0xff
  out[offset + 6] = (lo >>> 8) & 0xff
  out[offset + 7] = lo & 0xff
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0
}

/** Reads a time written by {@link writeTime}. */
export function readTime(bytes: Uint8Array, offset: number): number {
  return (readUint32(bytes, offset) - 0x80000000) * TWO_32 + readUint32(bytes, offset + 4)
}

/**
 * Encodes a time alone (8 bytes): used as segment prefix.
 *
 * @example
 * ```ts
 * encodeTime(-1) < encodeTime(0) // bytewise
 * ```
 */
export function encodeTime(time: number): Uint8Array {
  const out = new Uint8Array(TIME_BYTES)
  writeTime(out, 0, time)
  return out
}

/** Escapes `key` into a new array with `suffixBytes` spare bytes; returns it and the suffix offset. */
function escapeKey(key: Uint8Array, suffixBytes: number): [Uint8Array, number] {
  let zeros = 0
  for (let i = 0; i < key.length; i++) if (key[i] === 0) zeros++
  const out = new Uint8Array(key.length + zeros + 2 + suffixBytes)
  if (zeros === 0) out.set(key, 0)
  else {
    let j = 0
    for (let i = 0; i < key.length; i++) {
      const b = key[i]!
      out[j++] = b
      if (b === 0) out[j++] = 0xff
    }
  }
  const end = key.length + zeros
  out[end] = 0
  out[end + 1] = 1
  return [out, end + 2]
}

/**
 * Encodes a window store key: record key, window start and, for duplicates, a sequence number.
 *
 * @example
 * ```ts
 * const k = encodeWindowKey(new TextEncoder().encode('car-44'), 60_000)
 * ```
 */
export function encodeWindowKey(key: Uint8Array, windowStart: number, seq?: number): Uint8Array {
  const [out, at] = escapeKey(key, TIME_BYTES + (seq === undefined ? 0 : SEQ_BYTES))
  writeTime(out, at, windowStart)
  if (seq !== undefined) {
    out[at + 8] = seq >>> 24
    out[at + 9] = (seq >>> 16) & 0xff
    out[at + 10] = (seq >>> 8) & 0xff
    out[at + 11] = seq & 0xff
  }
  return out
}

/**
 * Encodes a session store key: record key, session end, session start.
 *
 * @example
 * ```ts
 * const k = encodeSessionKey(new TextEncoder().encode('car-44'), 0, 900)
 * ```
 */
export function encodeSessionKey(key: Uint8Array, start: number, end: number): Uint8Array {
  const [out, at] = escapeKey(key, 2 * TIME_BYTES)
  writeTime(out, at, end)
  writeTime(out, at + TIME_BYTES, start)
  return out
}

/**
 * The record key of a composite key (the escaped part before the terminator).
 *
 * @example
 * ```ts
 * decodeRecordKey(encodeWindowKey(Uint8Array.of(0, 1), 5)) // Uint8Array [0, 1]
 * ```
 */
export function decodeRecordKey(composite: Uint8Array): Uint8Array {
  let zeros = 0
  let end = 0
  for (; end < composite.length; end++) {
    if (composite[end] !== 0) continue
    if (composite[end + 1] === 1) break
    zeros++
    end++
  }
  if (zeros === 0) return composite.slice(0, end)
  const out = new Uint8Array(end - zeros)
  for (let i = 0, j = 0; i < end; i++) {
    out[j++] = composite[i]!
    if (composite[i] === 0) i++
  }
  return out
}

/** The window start of a window key (`withSeq` when the store retains duplicates). */
export function windowStartOf(composite: Uint8Array, withSeq: boolean): number {
  return readTime(composite, composite.length - TIME_BYTES - (withSeq ? SEQ_BYTES : 0))
}

/** The session window `{ start, end }` of a session key. */
export function sessionWindowOf(composite: Uint8Array): { start: number; end: number } {
  const at = composite.length - 2 * TIME_BYTES
  return { start: readTime(composite, at + TIME_BYTES), end: readTime(composite, at) }
}

/**
 * The smallest byte string greater than every string starting with `prefix`, or undefined when
 * there is none (the prefix is all 0xFF): the exclusive upper bound of a prefix scan.
 *
 * @example
 * ```ts
 * prefixUpperBound(Uint8Array.of(1, 0xff)) // Uint8Array [2]
 * ```
 */
export function prefixUpperBound(prefix: Uint8Array): Uint8Array | undefined {
  for (let i = prefix.length - 1; i >= 0; i--) {
    if (prefix[i] !== 0xff) {
      const out = prefix.slice(0, i + 1)
      out[i] = prefix[i]! + 1
      return out
    }
  }
  return undefined
}

/**
 * `encodeTime(time) ‖ key` in one new array: a segment-prefixed physical key. `native` allocates
 * it off V8's heap, for keys handed to LevelDB and then dropped (not for keys kept in memory).
 *
 * @example
 * ```ts
 * withTimePrefix(3, key, false) // equals concatBytes(encodeTime(3), key)
 * ```
 */
export function withTimePrefix(time: number, key: Uint8Array, native: boolean): Uint8Array {
  const length = TIME_BYTES + key.length
  const out = native ? allocNative(length) : new Uint8Array(length)
  writeTime(out, 0, time)
  out.set(key, TIME_BYTES)
  return out
}

/** `a ‖ b` in a new array. */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}
