/**
 * @module
 * How the F1 pipeline materializes its stores: a stable name, string keys, JSON values and the
 * configured store type (LevelDB, or memory for tests and benchmarks).
 */
import { Materialized } from '../../dsl/materialized.ts'
import type { F1Config } from './config.ts'
import { f1Json, f1String } from './f1-serdes.ts'

/**
 * A `Materialized` for a store of the F1 pipeline.
 *
 * @example
 * ```ts
 * grouped.aggregate(init, add, f1Materialized<LapStats>(F1Stores.lapStats, config))
 * ```
 */
export function f1Materialized<V>(name: string, config: F1Config): Materialized<string, V> {
  return Materialized.as<string, V>(name)
    .withKeySerde(f1String())
    .withValueSerde(f1Json<V>())
    .withStoreType(config.stores.type)
}
