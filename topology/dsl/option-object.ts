/**
 * @module
 * The plumbing the DSL's option objects share (Consumed, Produced, Grouped, Joined, StreamJoined,
 * Repartitioned): an immutable object whose `with*` methods return a changed copy, a validated
 * processor name and, for most, key and value serdes. The public classes keep their own static
 * factories and documentation; this base is not exported from the package.
 */
import type { Serde } from '../serdes.ts'
import { validateName } from './named.ts'

/**
 * An immutable option object with an optional processor name.
 *
 * @example
 * ```ts
 * class Printed<K, V> extends OptionObject {
 *   protected get optionsName(): string { return 'Printed' }
 * }
 * ```
 */
export abstract class OptionObject {
  readonly name: string | undefined

  protected constructor(name: string | undefined) {
    this.name = name
  }

  /** The public class name, for error messages (`Produced.withName(): …`). */
  protected abstract get optionsName(): string

  /**
   * A copy with `changes` applied: the same class, no constructor run (the copied fields are
   * already checked); frozen when this is.
   */
  protected copy(changes: object): this {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(this)) as this, this, changes)
    return Object.isFrozen(this) ? Object.freeze(copy) : copy
  }

  /**
   * With a processor name (1 to 249 of `[a-zA-Z0-9._-]`).
   *
   * @example
   * ```ts
   * Produced.with(Serdes.string(), Serdes.json()).withName('laps-sink')
   * ```
   */
  withName(name: string): this {
    return this.copy({ name: validateName(`${this.optionsName}.withName()`, name) })
  }
}

/**
 * An option object with key and value serdes.
 *
 * @example
 * ```ts
 * Grouped.as<string, Lap>('by-team').withKeySerde(Serdes.string()).withValueSerde(lapSerde)
 * ```
 */
export abstract class SerdeOptions<K, V> extends OptionObject {
  readonly keySerde: Serde<K> | undefined
  readonly valueSerde: Serde<V> | undefined

  protected constructor(init: { keySerde?: Serde<K>; valueSerde?: Serde<V>; name?: string }) {
    super(init.name)
    this.keySerde = init.keySerde
    this.valueSerde = init.valueSerde
  }

  /**
   * With a key serde.
   *
   * @example
   * ```ts
   * Produced.as<string, Lap>('laps-sink').withKeySerde(Serdes.string())
   * ```
   */
  withKeySerde(keySerde: Serde<K>): this {
    return this.copy({ keySerde })
  }

  /**
   * With a value serde.
   *
   * @example
   * ```ts
   * Produced.as<string, Lap>('laps-sink').withValueSerde(Serdes.json())
   * ```
   */
  withValueSerde(valueSerde: Serde<V>): this {
    return this.copy({ valueSerde })
  }
}
