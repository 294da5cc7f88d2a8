/**
 * @module
 * Decodes Kafka record batches (magic v2) from one contiguous buffer, as fetched. Keys, values and
 * header values are zero-copy views into that buffer. @platformatic/kafka's decoder reads every
 * varint through a chunked DynamicBuffer; on the hot fetch path (processing and restoration) that
 * byte-by-byte chunk lookup dominated the CPU profile, hence this decoder. Compressed batches are
 * inflated with the client's codecs. A batch cut off at the end of the response is ignored (the
 * next fetch starts at it).
 */
import { compressionsAlgorithmsByBitmask } from '@platformatic/kafka'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/** One record of a batch. */
export interface DecodedRecord {
  readonly offsetDelta: number
  readonly timestampDelta: number
  readonly key: Buffer | null
  readonly value: Buffer | null
  /** Header name/value pairs, empty when none. */
  readonly headers: readonly (readonly [string, Buffer])[]
}

/** One record batch. */
export interface DecodedBatch {
  readonly firstOffset: bigint
  readonly lastOffsetDelta: number
  readonly attributes: number
  readonly firstTimestamp: number
  readonly producerId: bigint
  readonly records: DecodedRecord[]
}

const BATCH_HEAD = 12 // baseOffset int64 + batchLength int32
const RECORDS_START = 61 // offset of the first record from the batch start
const COMPRESSION = 0b111
const NO_HEADERS: readonly (readonly [string, Buffer])[] = []

/** A cursor over a buffer with Kafka's zig-zag varints. */
class Cursor {
  pos: number
  readonly buf: Buffer
  constructor(buf: Buffer, pos: number) {
    this.buf = buf
    this.pos = pos
  }
  /** Zig-zag varint or varlong, as a JS number (exact up to 2^53). */
  varint(): number {
    const buf = this.buf
    let raw = 0
    let factor = 1
    for (;;) {
      const byte = buf[this.pos++]!
      raw += (byte & 0x7f) * factor
      if (byte < 0x80) break
      factor *= 128
    }
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2
  }
  bytes(): Buffer | null {
    const length = this.varint()
    if (length < 0) return null
    const out = this.buf.subarray(this.pos, this.pos + length)
    this.pos += length
    return out
  }
}

function decodeRecords(cursor: Cursor, count: number): DecodedRecord[] {
  const records: DecodedRecord[] = new Array(count)
  for (let i = 0; i < count; i++) {
    cursor.varint() // record length
    cursor.pos++ // attributes (unused)
    const timestampDelta = cursor.varint()
    const offsetDelta = cursor.varint()
    const key = cursor.bytes()
    const value = cursor.bytes()
    const headerCount = cursor.varint()
    let headers = NO_HEADERS
    if (headerCount > 0) {
      const list: [string, Buffer][] = []
      for (let h = 0; h < headerCount; h++) {
        const name = cursor.bytes()
        list.push([name === null ? '' : name.toString('utf8'), cursor.bytes() ?? Buffer.alloc(0)])
      }
      headers = list
    }
    records[i] = { offsetDelta, timestampDelta, key, value, headers }
  }
  return records
}

/**
 * Decodes every complete record batch in `buf`.
 *
 * @example
 * ```ts
 * for (const batch of decodeRecordBatches(partition.records)) console.log(batch.firstOffset, batch.records.length)
 * ```
 */
export function decodeRecordBatches(buf: Buffer): DecodedBatch[] {
  const batches: DecodedBatch[] = []
  let at = 0
  while (buf.length - at >= BATCH_HEAD) {
    const length = buf.readInt32BE(at + 8)
    const end = at + BATCH_HEAD + length
    if (end > buf.length) break
    const magic = buf.readInt8(at + 16)
    if (magic !== 2) {
      throw new PitwallError(ErrorCodes.RUNTIME_STATE, `record batch at ${at} has magic ${magic}; only v2 is supported`)
    }
    const attributes = buf.readInt16BE(at + 21)
    const count = buf.readInt32BE(at + 57)
    let cursor = new Cursor(buf, at + RECORDS_START)
    const compression = attributes & COMPRESSION
    if (compression !== 0) {
      const codec = (compressionsAlgorithmsByBitmask as Record<number, { decompressSync(b: Buffer): Buffer }>)[
        compression
      ]
      if (!codec) {
        throw new PitwallError(ErrorCodes.RUNTIME_STATE, `record batch uses unknown compression ${compression}`)
      }
      cursor = new Cursor(Buffer.from(codec.decompressSync(buf.subarray(at + RECORDS_START, end))), 0)
    }
    batches.push({
      firstOffset: buf.readBigInt64BE(at),
      lastOffsetDelta: buf.readInt32BE(at + 23),
      attributes,
      firstTimestamp: Number(buf.readBigInt64BE(at + 27)),
      producerId: buf.readBigInt64BE(at + 43),
      records: decodeRecords(cursor, count),
    })
    at = end
  }
  return batches
}
