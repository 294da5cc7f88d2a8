/**
 * @module
 * `Consumed`: how a source topic is read (serdes, timestamp extractor, source name).
 */
import type { Serde } from '../serdes.ts'
import type { TimestampExtractor } from './functions.ts'
import { validateName } from './named.ts'

/**
 * Options of `builder.stream()` and `builder.table()`; immutable, each `with*` returns a copy.
 *
 * @example
 * ```ts
 * builder.stream('f1.telemetry', Consumed.with(Serdes.string(), Serdes.json()).withTimestampExtractor((r) => r.value.ts))
 * ```
 */
export class Consumed<K, V> {
  readonly keySerde: Serde<K> | undefined
  readonly valueSerde: Serde<V> | undefined
  readonly timestampExtractor: TimestampExtractor<K, V> | undefined
  readonly name: string | undefined

  private constructor(init: Partial<Consumed<K, V>>) {
    this.keySerde = init.keySerde
    this.valueSerde = init.valueSerde
    this.timestampExtractor = init.timestampExtractor
    this.name = init.name
  }

  /** With key and value serdes. */
  static with<K, V>(keySerde: Serde<K>, valueSerde: Serde<V>): Consumed<K, V> {
    return new Consumed<K, V>({ keySerde, valueSerde })
  }

  /** With a source processor name. */
  static as<K, V>(name: string): Consumed<K, V> {
    return new Consumed<K, V>({ name: validateName('Consumed.as()', name) })
  }

  withKeySerde<K2>(keySerde: Serde<K2>): Consumed<K2, V> {
    return new Consumed<K2, V>({ ...this, keySerde } as unknown as Partial<Consumed<K2, V>>)
  }

  withValueSerde<V2>(valueSerde: Serde<V2>): Consumed<K, V2> {
    return new Consumed<K, V2>({ ...this, valueSerde } as unknown as Partial<Consumed<K, V2>>)
  }

  /** Event time from the record instead of the Kafka timestamp. */
  withTimestampExtractor(timestampExtractor: TimestampExtractor<K, V>): Consumed<K, V> {
    return new Consumed<K, V>({ ...this, timestampExtractor })
  }

  withName(name: string): Consumed<K, V> {
    return new Consumed<K, V>({ ...this, name: validateName('Consumed.withName()', name) })
  }
}
