/**
 * @module
 * `Printed`: where and how `KStream.print()` writes records (standard output or a file, a label,
 * a key-value mapper), for debugging and tests, as in Kafka Streams.
 */

import { invalidArgument } from '../windows/durations.ts'
import type { KeyValueMapper } from './functions.ts'
import { OptionObject } from './option-object.ts'

/**
 * Options of `KStream.print()`; immutable. Each record is written as one line
 * `[<label>]: <key>, <value>` (label: the processor name unless set; strings as they are, other
 * keys and values as JSON), or `[<label>]: <mapper(key, value)>` with a key-value mapper.
 *
 * @example
 * ```ts
 * laps.print(Printed.toSysOut<string, Lap>().withLabel('laps'))             // [laps]: car-44, {"lap":3}
 * laps.print(Printed.toFile<string, Lap>('/tmp/laps.txt').withKeyValueMapper((car, lap) => `${car} ${lap.timeMs}`))
 * ```
 */
export class Printed<K, V> extends OptionObject {
  /** The file the lines go to (truncated when the topology starts); undefined: standard output. */
  readonly filePath: string | undefined
  readonly label: string | undefined
  readonly mapper: KeyValueMapper<K, V, string> | undefined

  private constructor(init: Partial<Printed<K, V>>) {
    super(init.name)
    this.filePath = init.filePath
    this.label = init.label
    this.mapper = init.mapper
  }

  protected get optionsName(): string {
    return 'Printed'
  }

  /** Prints to standard output. */
  static toSysOut<K, V>(): Printed<K, V> {
    return new Printed<K, V>({})
  }

  /** Prints to `filePath`, which is created or truncated when the first task starts. */
  static toFile<K, V>(filePath: string): Printed<K, V> {
    if (typeof filePath !== 'string' || filePath.length === 0) {
      invalidArgument('Printed.toFile', 'filePath must be a non-empty string', { filePath })
    }
    return new Printed<K, V>({ filePath })
  }

  /** Labels each line `[label]: ...` instead of with the processor name. */
  withLabel(label: string): Printed<K, V> {
    if (typeof label !== 'string') invalidArgument('Printed.withLabel', 'label must be a string', { label })
    return this.copy({ label })
  }

  /** Formats each record as `mapper(key, value)` instead of `key, value`. */
  withKeyValueMapper(mapper: KeyValueMapper<K, V, string>): Printed<K, V> {
    if (typeof mapper !== 'function') {
      invalidArgument('Printed.withKeyValueMapper', 'mapper must be a function')
    }
    return this.copy({ mapper })
  }
}
