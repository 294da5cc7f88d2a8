/**
 * @module
 * The steps every windowed aggregation of a grouped stream shares (time, sliding and session
 * windows): validate the options, resolve the store, add the store and the aggregation processor
 * after the grouping's (possibly repartitioned) source, register the grace for `suppress()`, and
 * return the table keyed by `Windowed<K>`. The window kind supplies the store and processor.
 */
import type { StateStore, StoreBuilder, Windowed } from '../../../stores/api.ts'
import type { KTable } from '../../dsl/ktable.ts'
import { Materialized } from '../../dsl/materialized.ts'
import { Named } from '../../dsl/named.ts'
import type { ProcessorSupplier } from '../../processor.ts'
import type { Serde } from '../../serdes.ts'
import type { TableValueGetterSupplier } from '../processors/table-value-getter.ts'
import { addProcessor } from './graph-helpers.ts'
import type { KGroupedStreamImpl } from './kgrouped-stream-impl.ts'
import { KTableImpl } from './ktable-impl.ts'
import { type WindowedStoreSpec, windowedStoreSpec } from './materialize.ts'
import { optionalInstance } from './validate.ts'
import { registerWindowGrace } from './window-grace.ts'

/** What a window kind adds for one aggregation. */
export interface WindowedParts<K, VA> {
  readonly store: StoreBuilder<StateStore>
  readonly supplier: ProcessorSupplier<any, any, any, any>
  readonly windowedKeySerde: Serde<Windowed<K>>
  readonly valueGetter: TableValueGetterSupplier<Windowed<K>, VA>
}

/** The call being made: `count()`, `reduce()` or `aggregate()` and its options. */
export interface WindowedCall<K, VA> {
  readonly method: string
  readonly prefix: string
  readonly materialized: Materialized<K, VA> | undefined
  readonly named: Named | undefined
  readonly graceMs: number
}

/**
 * Adds a windowed aggregation of `grouped`; `parts` builds the store and processor from the
 * resolved store spec.
 *
 * @example
 * ```ts
 * addWindowedAggregation(grouped, { method: 'count()', prefix: 'KSTREAM-AGGREGATE', materialized, named, graceMs },
 *   (spec) => ({ store, supplier, windowedKeySerde, valueGetter }))
 * ```
 */
export function addWindowedAggregation<K, V, VA>(
  grouped: KGroupedStreamImpl<K, V>,
  call: WindowedCall<K, VA>,
  parts: (spec: WindowedStoreSpec<K, VA>) => WindowedParts<K, VA>,
): KTable<Windowed<K>, VA> {
  optionalInstance(call.method, 'materialized', call.materialized, Materialized)
  optionalInstance(call.method, 'named', call.named, Named)
  const builder = grouped.stream.builder
  const spec = windowedStoreSpec<K, VA>(builder, call.materialized, call.prefix, grouped.keySerde)
  const { store, supplier, windowedKeySerde, valueGetter } = parts(spec)
  builder.addStore(store)
  const name = builder.processorName(call.named?.name, call.prefix)
  const node = addProcessor(builder, name, [grouped.sourceNodeFor(spec.name)], supplier, [spec.name])
  registerWindowGrace(node, call.graceMs)
  return new KTableImpl<Windowed<K>, VA>(builder, node, windowedKeySerde, spec.valueSerde, valueGetter, spec.name)
}
