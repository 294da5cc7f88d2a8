import { createRecordsBatch, Reader, readRecordsBatches } from '@platformatic/kafka'
import { describe, expect, it } from 'vitest'
import { decodeRecordBatches } from './record-batches.ts'

const message = (i: number) => ({
  topic: 't',
  partition: 0,
  key: i % 3 === 0 ? undefined : Buffer.from(`key-${i}`),
  value: Buffer.from(`value-${'x'.repeat(i * 37)}`),
  timestamp: 1_700_000_000_000n + BigInt(i * 1000),
  headers: i % 2 === 0 ? new Map([[Buffer.from('h'), Buffer.from(`v${i}`)]]) : new Map(),
})

function encoded(count: number, compression?: 'gzip'): Buffer {
  const messages = Array.from({ length: count }, (_, i) => message(i))
  return createRecordsBatch(messages as never, compression ? { compression } : {}).buffer
}

describe('decodeRecordBatches', () => {
  it.each([undefined, 'gzip'] as const)('decodes what the client encodes (compression %s)', (compression) => {
    const bytes = Buffer.concat([encoded(40, compression), encoded(7, compression)])
    const mine = decodeRecordBatches(bytes)
    const theirs = readRecordsBatches(Reader.from(bytes))
    expect(mine).toHaveLength(2)
    mine.forEach((batch, b) => {
      const ref = theirs[b]!
      expect(batch.firstOffset).toBe(ref.firstOffset)
      expect(batch.lastOffsetDelta).toBe(ref.lastOffsetDelta)
      expect(batch.attributes).toBe(ref.attributes)
      expect(batch.firstTimestamp).toBe(Number(ref.firstTimestamp))
      expect(batch.producerId).toBe(ref.producerId)
      expect(batch.records.map((r) => [r.offsetDelta, r.timestampDelta, r.key, r.value, r.headers])).toEqual(
        ref.records.map((r) => [
          r.offsetDelta,
          Number(r.timestampDelta),
          r.key,
          r.value,
          r.headers.map(([k, v]) => [String(k), v]),
        ]),
      )
    })
  })

  it('ignores a batch cut off at the end of the buffer', () => {
    const whole = encoded(5)
    const bytes = Buffer.concat([whole, whole.subarray(0, whole.length - 3)])
    expect(decodeRecordBatches(bytes)).toHaveLength(1)
    expect(decodeRecordBatches(whole.subarray(0, 10))).toEqual([])
  })
})
