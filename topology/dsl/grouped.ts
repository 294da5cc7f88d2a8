/**
 * @module
 * `Grouped`: serdes and name of a grouping (the name prefixes the repartition topic).
 */
import type { Serde } from '../serdes.ts'
import { validateName } from './named.ts'
import { SerdeOptions } from './option-object.ts'

/**
 * Options of `groupByKey()` / `groupBy()`; immutable.
 *
 * @example
 * ```ts
 * stream.groupBy((k, v) => v.team, Grouped.with(Serdes.string(), Serdes.json()).withName('by-team'))
 * ```
 */
export class Grouped<K, V> extends SerdeOptions<K, V> {
  private constructor(init: Partial<Grouped<K, V>>) {
    super(init)
  }

  protected get optionsName(): string {
    return 'Grouped'
  }

  static with<K, V>(keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined): Grouped<K, V> {
    return new Grouped<K, V>({ keySerde, valueSerde })
  }

  static as<K, V>(name: string): Grouped<K, V> {
    return new Grouped<K, V>({ name: validateName('Grouped.as()', name) })
  }
}
