import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serdes.ts'
import { valueAndTimestampSerde } from './value-and-timestamp.ts'

/** The DataView/BigInt form the integer arithmetic replaced. */
function reference(timestamp: number): Uint8Array {
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigInt64(0, BigInt(timestamp))
  return out
}

describe('valueAndTimestampSerde', () => {
  const serde = valueAndTimestampSerde(Serdes.double())
  const timestampArb = fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -5, max: 5 }), fc.integer())

  it('writes the timestamp as a big-endian int64 and reads it back, for every safe integer', () => {
    fc.assert(
      fc.property(timestampArb, fc.double({ noNaN: true }), (timestamp, value) => {
        const bytes = serde.serialize('t', { value, timestamp })!
        expect(bytes.subarray(0, 8)).toEqual(reference(timestamp))
        expect(serde.deserialize('t', bytes)).toEqual({ value, timestamp })
      }),
    )
  })

  it('reads any int64 as Number(BigInt) does, and rejects what BigInt rejects', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (n) => {
        const bytes = new Uint8Array(16)
        new DataView(bytes.buffer).setBigInt64(0, n)
        expect(serde.deserialize('t', bytes).timestamp).toBe(Number(n))
      }),
    )
    expect(() => serde.serialize('t', { value: 1, timestamp: 1.5 })).toThrow(RangeError)
    expect(() => serde.deserialize('t', new Uint8Array(4))).toThrow(RangeError)
  })
})
