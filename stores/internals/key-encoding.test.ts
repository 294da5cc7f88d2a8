import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareBytes,
  decodeRecordKey,
  encodeSessionKey,
  encodeTime,
  encodeWindowKey,
  prefixUpperBound,
  readTime,
  sessionWindowOf,
  windowStartOf,
} from './key-encoding.ts'

const keyArb = fc.uint8Array({ maxLength: 6 }).map((a) => a.map((b) => [0, 1, 0xff, 0x61][b % 4]!))
const timeArb = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.maxSafeInteger(),
  fc.maxSafeNat().map((n) => 0 - n),
)
const sign = (n: number) => Math.sign(n)

function compareTuple(a: (Uint8Array | number)[], b: (Uint8Array | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    const c = typeof x === 'number' ? x - (y as number) : compareBytes(x, y as Uint8Array)
    if (c !== 0) return c
  }
  return 0
}

describe('key encoding', () => {
  it('round-trips times and keeps their order', () => {
    fc.assert(
      fc.property(timeArb, timeArb, (a, b) => {
        expect(readTime(encodeTime(a), 0)).toBe(a)
        expect(sign(compareBytes(encodeTime(a), encodeTime(b)))).toBe(sign(a - b))
      }),
    )
  })

  it('orders window keys by (key, start, seq) and round-trips them', () => {
    const seqArb = fc.integer({ min: 0, max: 0xffffffff })
    fc.assert(
      fc.property(keyArb, timeArb, seqArb, keyArb, timeArb, seqArb, (k1, t1, s1, k2, t2, s2) => {
        const a = encodeWindowKey(k1, t1, s1)
        const b = encodeWindowKey(k2, t2, s2)
        expect(sign(compareBytes(a, b))).toBe(sign(compareTuple([k1, t1, s1], [k2, t2, s2])))
        expect(decodeRecordKey(a)).toEqual(k1)
        expect(windowStartOf(a, true)).toBe(t1)
        expect(windowStartOf(encodeWindowKey(k1, t1), false)).toBe(t1)
      }),
    )
  })

  it('orders session keys by (key, end, start) and round-trips them', () => {
    fc.assert(
      fc.property(keyArb, timeArb, timeArb, keyArb, timeArb, timeArb, (k1, s1, e1, k2, s2, e2) => {
        const a = encodeSessionKey(k1, s1, e1)
        const b = encodeSessionKey(k2, s2, e2)
        expect(sign(compareBytes(a, b))).toBe(sign(compareTuple([k1, e1, s1], [k2, e2, s2])))
        expect(decodeRecordKey(a)).toEqual(k1)
        expect(sessionWindowOf(a)).toEqual({ start: s1, end: e1 })
      }),
    )
  })

  it('never makes one encoded key a prefix of another key encoding', () => {
    fc.assert(
      fc.property(keyArb, keyArb, (k1, k2) => {
        fc.pre(compareBytes(k1, k2) !== 0)
        const a = encodeWindowKey(k1, 0).subarray(0, -8)
        const b = encodeWindowKey(k2, 0).subarray(0, -8)
        const n = Math.min(a.length, b.length)
        expect(compareBytes(a.subarray(0, n), b.subarray(0, n))).not.toBe(0)
      }),
    )
  })

  it('computes the exclusive upper bound of a prefix', () => {
    fc.assert(
      fc.property(keyArb, keyArb, (prefix, rest) => {
        const upper = prefixUpperBound(prefix)
        const key = Uint8Array.of(...prefix, ...rest)
        if (upper === undefined) expect(prefix.every((b) => b === 0xff)).toBe(true)
        else expect(compareBytes(key, upper)).toBeLessThan(0)
      }),
    )
    expect(prefixUpperBound(Uint8Array.of(1, 0xff))).toEqual(Uint8Array.of(2))
  })
})
