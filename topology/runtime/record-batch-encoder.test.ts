import { crc32c, createRecordsBatch, Reader, readRecordsBatches } from '@platformatic/kafka'
import { describe, expect, it } from 'vitest'
import { encodeRecordBatch } from './record-batch-encoder.ts'
import { decodeRecordBatches } from './record-batches.ts'

const records = Array.from({ length: 50 }, (_, i) => ({
  key: i % 4 === 0 ? undefined : Buffer.from(`car-${i}`),
  value: i % 9 === 0 ? undefined : Buffer.from(JSON.stringify({ i, speed: 300 - i, pad: 'p'.repeat(i * 11) })),
  timestamp: 1_700_000_000_000 + (i % 7) * 1000 - 500,
  headers: i % 3 === 0 ? [[Buffer.from('pitwall.source.topic'), Buffer.from(`in-${i}`)] as const] : [],
}))
const producer = { producerId: 4242n, producerEpoch: 3, baseSequence: 17, transactional: true }

describe('encodeRecordBatch', () => {
  it('writes the same bytes as the client from the attributes on, with a valid CRC-32C', () => {
    const mine = encodeRecordBatch(records, producer)
    const theirs = createRecordsBatch(
      records.map((r) => ({
        topic: 't',
        partition: 0,
        key: r.key,
        value: r.value,
        timestamp: BigInt(r.timestamp),
        headers: new Map(r.headers),
      })) as never,
      { producerId: 4242n, producerEpoch: 3, transactionalId: 'x', sequences: { getWithDefault: () => 17 } } as never,
    ).buffer
    expect(mine.length).toBe(theirs.length)
    expect(mine.subarray(21).equals(theirs.subarray(21))).toBe(true)
    expect(mine.readUInt32BE(17)).toBe(crc32c(mine.subarray(21)) >>> 0)
    expect(mine.readUInt32BE(17)).toBe(theirs.readUInt32BE(17))
  })

  it('round-trips through both decoders', () => {
    const bytes = encodeRecordBatch(records, producer)
    const [batch] = decodeRecordBatches(bytes)
    expect(batch!.producerId).toBe(4242n)
    expect(batch!.records.map((r) => [batch!.firstTimestamp + r.timestampDelta, r.key, r.value])).toEqual(
      records.map((r) => [r.timestamp, r.key ?? null, r.value ?? null]),
    )
    const [ref] = readRecordsBatches(Reader.from(bytes))
    expect(ref!.records).toHaveLength(50)
    expect(ref!.firstSequence).toBe(17)
  })
})
