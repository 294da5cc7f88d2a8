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
      new DataView(out.buffer).setBigInt64(0, BigInt(data.timestamp))
      out.set(value, 8)
      return out
    },
    deserialize(topic, data) {
      if (data === null) return null as unknown as ValueAndTimestamp<V>
      const timestamp = Number(new DataView(data.buffer, data.byteOffset, data.byteLength).getBigInt64(0))
      return { value: inner.deserialize(topic, data.subarray(8)), timestamp }
    },
  }
}
