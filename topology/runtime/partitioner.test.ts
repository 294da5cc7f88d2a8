import { describe, expect, it } from 'vitest'
import { partitionForKey } from './partitioner.ts'

const enc = new TextEncoder()

describe('partitionForKey', () => {
  // Reference values from the Java client's Utils.toPositive(Utils.murmur2(bytes)) % n.
  it('matches the Java default partitioner', () => {
    // murmur2 values from Kafka's UtilsTest.testMurmur2
    const cases: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['abc', 479470107],
    ]
    for (const [key, hash] of cases) {
      for (const n of [1, 3, 7, 1000]) expect(partitionForKey(enc.encode(key), n)).toBe((hash & 0x7fffffff) % n)
    }
  })

  it('accepts Uint8Array views as well as Buffers', () => {
    const bytes = enc.encode('xxcar-44').subarray(2)
    expect(partitionForKey(bytes, 12)).toBe(partitionForKey(Buffer.from('car-44'), 12))
  })
})
