/**
 * @module
 * `Consumed`: how a source topic is read (serdes, timestamp extractor, source name).
 */
import type { Serde } from '../serdes.ts'
import type { TimestampExtractor } from './functions.ts'
import { validateName } from './named.ts'
import { OptionObject } from './option-object.ts'

/**
 * Options of `builder.stream()` and `builder.table()`; immutable, each `with*` returns a copy.
 *
 * @example
 * ```ts
 * builder.stream('f1.telemetry', Consumed.with(Serdes.string(), Serdes.json()).withTimestampExtractor((r) => r.value.ts))
 * ```
 */
export class Consumed<K, V> extends OptionObject {
  readonly keySerde: Serde<K> | undefined
  readonly valueSerde: Serde<V> | undefined
  readonly timestampExtractor: TimestampExtractor<K, V> | undefined

  private constructor(init: Partial<Consumed<K, V>>) {
    super(init.name)
    this.keySerde = init.keySerde
    this.valueSerde = init.valueSerde
    this.timestampExtractor = init.timestampExtractor
  }

  protected get optionsName(): string {
    return 'Consumed'
  }

  /** With key and value serdes. */
  static with<K, V>(keySerde: Serde<K>, valueSerde: Serde<V>): Consumed<K, V> {
    return new Consumed<K, V>({ keySerde, valueSerde })
  }

  /** With a source processor name. */
  static as<K, V>(name: string): Consumed<K, V> {
    return new Consumed<K, V>({ name: validateName('Consumed.as()', name) })
  }

  /** With a key serde (of another key type: unlike the other options, Consumed retypes). */
  withKeySerde<K2>(keySerde: Serde<K2>): Consumed<K2, V> {
    return this.copy({ keySerde }) as unknown as Consumed<K2, V>
  }

  /** With a value serde (of another value type). */
  withValueSerde<V2>(valueSerde: Serde<V2>): Consumed<K, V2> {
    return this.copy({ valueSerde }) as unknown as Consumed<K, V2>
  }

  /** Event time from the record instead of the Kafka timestamp. */
  withTimestampExtractor(timestampExtractor: TimestampExtractor<K, V>): Consumed<K, V> {
    return this.copy({ timestampExtractor })
  }
}
