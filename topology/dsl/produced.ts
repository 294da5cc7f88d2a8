/**
 * @module
 * `Produced`: how a stream is written to a topic (serdes, partitioner, sink name).
 */
import type { Serde } from '../serdes.ts'
import type { StreamPartitioner } from './functions.ts'
import { validateName } from './named.ts'

/**
 * Options of `KStream.to()`; immutable.
 *
 * @example
 * ```ts
 * stream.to('f1.laps', Produced.with(Serdes.string(), Serdes.json()).withStreamPartitioner((t, k, v, n) => v.car % n))
 * ```
 */
export class Produced<K, V> {
  readonly keySerde: Serde<K> | undefined
  readonly valueSerde: Serde<V> | undefined
  readonly partitioner: StreamPartitioner<K, V> | undefined
  readonly name: string | undefined

  private constructor(init: Partial<Produced<K, V>>) {
    this.keySerde = init.keySerde
    this.valueSerde = init.valueSerde
    this.partitioner = init.partitioner
    this.name = init.name
  }

  static with<K, V>(keySerde: Serde<K>, valueSerde: Serde<V>): Produced<K, V> {
    return new Produced<K, V>({ keySerde, valueSerde })
  }

  static as<K, V>(name: string): Produced<K, V> {
    return new Produced<K, V>({ name: validateName('Produced.as()', name) })
  }

  withKeySerde(keySerde: Serde<K>): Produced<K, V> {
    return new Produced<K, V>({ ...this, keySerde })
  }

  withValueSerde(valueSerde: Serde<V>): Produced<K, V> {
    return new Produced<K, V>({ ...this, valueSerde })
  }

  withStreamPartitioner(partitioner: StreamPartitioner<K, V>): Produced<K, V> {
    return new Produced<K, V>({ ...this, partitioner })
  }

  withName(name: string): Produced<K, V> {
    return new Produced<K, V>({ ...this, name: validateName('Produced.withName()', name) })
  }
}
