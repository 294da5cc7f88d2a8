/**
 * @module
 * `Produced`: how a stream is written to a topic (serdes, partitioner, sink name).
 */
import type { Serde } from '../serdes.ts'
import type { StreamPartitioner } from './functions.ts'
import { validateName } from './named.ts'
import { SerdeOptions } from './option-object.ts'

/**
 * Options of `KStream.to()`; immutable.
 *
 * @example
 * ```ts
 * stream.to('f1.laps', Produced.with(Serdes.string(), Serdes.json()).withStreamPartitioner((t, k, v, n) => v.car % n))
 * ```
 */
export class Produced<K, V> extends SerdeOptions<K, V> {
  readonly partitioner: StreamPartitioner<K, V> | undefined

  private constructor(init: Partial<Produced<K, V>>) {
    super(init)
    this.partitioner = init.partitioner
  }

  protected get optionsName(): string {
    return 'Produced'
  }

  static with<K, V>(keySerde: Serde<K>, valueSerde: Serde<V>): Produced<K, V> {
    return new Produced<K, V>({ keySerde, valueSerde })
  }

  static as<K, V>(name: string): Produced<K, V> {
    return new Produced<K, V>({ name: validateName('Produced.as()', name) })
  }

  withStreamPartitioner(partitioner: StreamPartitioner<K, V>): Produced<K, V> {
    return this.copy({ partitioner })
  }
}
