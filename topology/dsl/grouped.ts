/**
 * @module
 * `Grouped`: serdes and name of a grouping (the name prefixes the repartition topic).
 */
import type { Serde } from '../serdes.ts'
import { validateName } from './named.ts'

/**
 * Options of `groupByKey()` / `groupBy()`; immutable.
 *
 * @example
 * ```ts
 * stream.groupBy((k, v) => v.team, Grouped.with(Serdes.string(), Serdes.json()).withName('by-team'))
 * ```
 */
export class Grouped<K, V> {
  readonly keySerde: Serde<K> | undefined
  readonly valueSerde: Serde<V> | undefined
  readonly name: string | undefined

  private constructor(init: Partial<Grouped<K, V>>) {
    this.keySerde = init.keySerde
    this.valueSerde = init.valueSerde
    this.name = init.name
  }

  static with<K, V>(keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined): Grouped<K, V> {
    return new Grouped<K, V>({ keySerde, valueSerde })
  }

  static as<K, V>(name: string): Grouped<K, V> {
    return new Grouped<K, V>({ name: validateName('Grouped.as()', name) })
  }

  withKeySerde(keySerde: Serde<K>): Grouped<K, V> {
    return new Grouped<K, V>({ ...this, keySerde })
  }

  withValueSerde(valueSerde: Serde<V>): Grouped<K, V> {
    return new Grouped<K, V>({ ...this, valueSerde })
  }

  withName(name: string): Grouped<K, V> {
    return new Grouped<K, V>({ ...this, name: validateName('Grouped.withName()', name) })
  }
}
