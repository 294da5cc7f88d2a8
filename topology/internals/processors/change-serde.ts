/**
 * @module
 * Bytes of a table change on a repartition topic (KGroupedTable aggregations): `<flags><new
 * length:uint32 BE><new bytes><old bytes>`, flag bit 0 = new value present, bit 1 = old value present.
 * The re-keying step sends the subtraction and the addition as separate records, so usually one
 * side is absent.
 */
import type { Serde } from '../../serdes.ts'
import type { Change } from '../change.ts'

/**
 * The serde of {@link Change}s of values of `inner`.
 *
 * @example
 * ```ts
 * const serde = changeSerde(Serdes.json<number>())
 * serde.deserialize('t', serde.serialize('t', { newValue: 3, oldValue: null })) // { newValue: 3, oldValue: null }
 * ```
 */
export function changeSerde<V>(inner: Serde<V>): Serde<Change<V>> {
  return {
    serialize(topic, change) {
      if (change === null || change === undefined) return null
      const n =
        change.newValue === null || change.newValue === undefined
          ? null
          : (inner.serialize(topic, change.newValue) ?? new Uint8Array(0))
      const o =
        change.oldValue === null || change.oldValue === undefined
          ? null
          : (inner.serialize(topic, change.oldValue) ?? new Uint8Array(0))
      const out = new Uint8Array(5 + (n?.byteLength ?? 0) + (o?.byteLength ?? 0))
      out[0] = (n ? 1 : 0) | (o ? 2 : 0)
      new DataView(out.buffer).setUint32(1, n?.byteLength ?? 0)
      if (n) out.set(n, 5)
      if (o) out.set(o, 5 + (n?.byteLength ?? 0))
      return out
    },
    deserialize(topic, data) {
      if (data === null) return null as unknown as Change<V>
      const flags = data[0]!
      const newLength = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(1)
      const newValue = flags & 1 ? inner.deserialize(topic, data.subarray(5, 5 + newLength)) : null
      const oldValue = flags & 2 ? inner.deserialize(topic, data.subarray(5 + newLength)) : null
      return { newValue, oldValue }
    },
  }
}
