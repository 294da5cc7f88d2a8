/**
 * @module
 * Aggregation stores keep each value with the timestamp of the record that last changed it, so a
 * result's timestamp is the newest input timestamp (Kafka Streams' ValueAndTimestamp). The serde
 * writes `<timestamp:int64 BE><value bytes>`, as Kafka's timestamped stores do.
 */
import type { Serde } from '../../serdes.ts'

/**
 * A value and its timestamp.
 *
 * @example
 * ```ts
 * const v: ValueAndTimestamp<number> = { value: 3, timestamp: 1_000 }
 * ```
 */
export interface ValueAndTimestamp<V> {
  readonly value: V
  readonly timestamp: number
}

/**
 * Wraps a value serde into a serde of {@link ValueAndTimestamp}.
 *
 * @example
 * ```ts
 * const serde = valueAndTimestampSerde(Serdes.json<number>())
 * ```
 */
export function valueAndTimestampSerde<V>(inner: Serde<V>): Serde<ValueAndTimestamp<V>> {
  return {
    serialize(topic, data) {
      if (data === null || data === undefined) return null
      const value = inner.serialize(topic, data.value) ?? new Uint8Array(0)
      const out = new Uint8Array(8 + value.byteLength)
      const timestamp = data.timestamp
      if (Number.isSafeInteger(timestamp)) writeInt64(out, timestamp)
      else new DataView(out.buffer).setBigInt64(0, BigInt(timestamp)) // throws as BigInt does
      out.set(value, 8)
      return out
    },
    deserialize(topic, data) {
      if (data === null) return null as unknown as ValueAndTimestamp<V>
      const timestamp =
        data.byteLength >= 8
          ? readInt64(data)
          : Number(new DataView(data.buffer, data.byteOffset, data.byteLength).getBigInt64(0)) // throws
      // a view of a small array would move it off V8's heap: copy small values instead
      const value = data.byteLength <= 72 ? data.slice(8) : data.subarray(8)
      return { value: inner.deserialize(topic, value), timestamp }
    },
  }
}

const TWO_32 = 4294967296

// Integer arithmetic instead of a DataView: reading `.buffer` of a small new Uint8Array makes V8
// move it off its heap, which cost more than the rest of the serde (measured in window aggregations).

/** Writes a safe integer as a big-endian two's complement int64 (as DataView.setBigInt64). */
function writeInt64(out: Uint8Array, n: number): void {
  const hi = Math.floor(n / TWO_32)
  const lo = n - hi * TWO_32
  out[0] = (hi >>> 24) & 0xff
  out[1] = (hi >>> 16) & 0xff
  out[2] = (hi >>> 8) & 0xff
  out[3] = hi & 0xff
  out[4] = lo >>> 24
  out[5] = (lo >>> 16) & 0xff
  out[6] = (lo >>> 8) & 0xff
  out[7] = lo & 0xff
}

/** Reads a big-endian int64 as the nearest number (as Number(getBigInt64())). */
function readInt64(data: Uint8Array): number {
  const hi = (data[0]! << 24) | (data[1]! << 16) | (data[2]! << 8) | data[3]!
  const lo = ((data[4]! << 24) | (data[5]! << 16) | (data[6]! << 8) | data[7]!) >>> 0
  return hi * TWO_32 + lo
}
