/**
 * @module
 * The "shared" outer store of left and outer stream-stream joins (Kafka 3.x's spurious-result
 * fix): records that found no partner wait here, keyed by `<timestamp><side><key>` so a scan in
 * byte order visits them oldest first, until their join window closes and they are emitted with a
 * null partner, or until a late partner arrives and removes them. Each key holds a list, because
 * several records of one key may share a timestamp.
 */
import type { Serde } from '../../serdes.ts'

/** Key of the outer store. */
export interface TimestampedKeyAndJoinSide<K> {
  readonly timestamp: number
  readonly leftSide: boolean
  readonly key: K
}

/** One unmatched record's value and its side. */
export interface LeftOrRightValue<VL, VR> {
  readonly leftSide: boolean
  readonly value: VL | VR
}

/**
 * Serde of outer-store keys: `<timestamp:int64 BE><1 for left, 0 for right><key bytes>`, as Kafka.
 *
 * @example
 * ```ts
 * const serde = timestampedKeyAndJoinSideSerde(Serdes.string())
 * ```
 */
export function timestampedKeyAndJoinSideSerde<K>(keySerde: Serde<K>): Serde<TimestampedKeyAndJoinSide<K>> {
  return {
    serialize(topic, k) {
      if (k === null || k === undefined) return null
      const key = keySerde.serialize(topic, k.key) ?? new Uint8Array(0)
      const out = new Uint8Array(9 + key.byteLength)
      new DataView(out.buffer).setBigInt64(0, BigInt(k.timestamp))
      out[8] = k.leftSide ? 1 : 0
      out.set(key, 9)
      return out
    },
    deserialize(topic, data) {
      if (data === null) return null as unknown as TimestampedKeyAndJoinSide<K>
      const timestamp = Number(new DataView(data.buffer, data.byteOffset, data.byteLength).getBigInt64(0))
      return { timestamp, leftSide: data[8] === 1, key: keySerde.deserialize(topic, data.subarray(9)) }
    },
  }
}

/**
 * Serde of the value lists: per value `<side byte><length:uint32 BE><bytes>`.
 *
 * @example
 * ```ts
 * const serde = leftOrRightListSerde(Serdes.json(), Serdes.json())
 * ```
 */
export function leftOrRightListSerde<VL, VR>(
  leftSerde: Serde<VL>,
  rightSerde: Serde<VR>,
): Serde<LeftOrRightValue<VL, VR>[]> {
  return {
    serialize(topic, list) {
      if (list === null || list === undefined) return null
      const parts = list.map((v) => {
        const bytes =
          (v.leftSide ? leftSerde.serialize(topic, v.value as VL) : rightSerde.serialize(topic, v.value as VR)) ??
          new Uint8Array(0)
        return { leftSide: v.leftSide, bytes }
      })
      const out = new Uint8Array(parts.reduce((n, p) => n + 5 + p.bytes.byteLength, 0))
      const view = new DataView(out.buffer)
      let offset = 0
      for (const p of parts) {
        out[offset] = p.leftSide ? 1 : 0
        view.setUint32(offset + 1, p.bytes.byteLength)
        out.set(p.bytes, offset + 5)
        offset += 5 + p.bytes.byteLength
      }
      return out
    },
    deserialize(topic, data) {
      if (data === null) return null as unknown as LeftOrRightValue<VL, VR>[]
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
      const list: LeftOrRightValue<VL, VR>[] = []
      for (let offset = 0; offset < data.byteLength; ) {
        const leftSide = data[offset] === 1
        const length = view.getUint32(offset + 1)
        const bytes = data.subarray(offset + 5, offset + 5 + length)
        list.push({
          leftSide,
          value: leftSide ? leftSerde.deserialize(topic, bytes) : rightSerde.deserialize(topic, bytes),
        })
        offset += 5 + length
      }
      return list
    },
  }
}
