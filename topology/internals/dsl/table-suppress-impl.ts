/**
 * @module
 * `KTable.suppress(Suppressed)`: adds the suppression processor and its buffer store, a logged
 * key-value store of the builder's default type (LevelDB unless set), so the buffer survives a
 * restart, restored from disk or from its changelog. For
 * `untilWindowCloses` the grace comes from the windowed aggregation upstream.
 */
import type { KTable } from '../../dsl/ktable.ts'
import type { Serde } from '../../serdes.ts'
import { Suppressed } from '../../windows/suppressed.ts'
import { toHex } from '../processors/key-identity.ts'
import { suppress } from '../processors/suppress.ts'
import { suppressBufferSerde } from '../processors/suppress-buffer-serde.ts'
import { addProcessor } from './graph-helpers.ts'
import { KTableImpl } from './ktable-impl.ts'
import { requireInstance } from './validate.ts'
import { findWindowGrace } from './window-grace.ts'
import { keyValueStore } from './windowed-stores.ts'

/**
 * Adds a suppression after `table`.
 *
 * @example
 * ```ts
 * suppressTable(counts, Suppressed.untilWindowCloses(BufferConfig.unbounded()))
 * ```
 */
export function suppressTable<K, V>(table: KTableImpl<K, V>, suppressed: Suppressed): KTable<K, V> {
  requireInstance('suppress()', 'suppressed', suppressed, Suppressed, 'Suppressed')
  const { builder } = table
  const graceMs = suppressed.kind === 'window-close' ? findWindowGrace(table.node, 'suppress()') : 0
  const name = builder.processorName(suppressed.name, 'KTABLE-SUPPRESS')
  const storeName = suppressed.name ? `${suppressed.name}-store` : builder.storeName(undefined, 'KTABLE-SUPPRESS')
  const keySerde = (table.keySerde ?? builder.defaults.keySerde) as Serde<K>
  const valueSerde = (table.valueSerde ?? builder.defaults.valueSerde) as Serde<V>
  builder.addStore(
    keyValueStore(storeName, keySerde, suppressBufferSerde(valueSerde), {
      type: builder.defaults.storeType,
      // object cache: buffered entries are serialized and logged once per commit, not per record
      caching: true,
      logging: true,
      topicConfig: {},
    }),
  )
  const keyId = (key: K) => toHex(keySerde.serialize(storeName, key) ?? new Uint8Array(0))
  const node = addProcessor(
    builder,
    name,
    [table.node],
    () => suppress<K, V>({ storeName, suppressed, graceMs, name, keyId }),
    [storeName],
  )
  return new KTableImpl<K, V>(builder, node, table.keySerde, table.valueSerde, table.valueGetter, undefined)
}
