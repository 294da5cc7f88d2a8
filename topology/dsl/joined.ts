/**
 * @module
 * `Joined`: serdes and name of a stream-table join.
 */
import type { Serde } from '../serdes.ts'
import { validateName } from './named.ts'
import { SerdeOptions } from './option-object.ts'

/**
 * Options of `KStream.join(table)` / `leftJoin(table)`; immutable. The serdes are used when the
 * stream side must be repartitioned first.
 *
 * @example
 * ```ts
 * laps.join(drivers, (lap, driver) => ({ ...lap, driver }), Joined.with(Serdes.string(), Serdes.json(), Serdes.json()))
 * ```
 */
export class Joined<K, V, VO> extends SerdeOptions<K, V> {
  readonly otherValueSerde: Serde<VO> | undefined

  private constructor(init: Partial<Joined<K, V, VO>>) {
    super(init)
    this.otherValueSerde = init.otherValueSerde
  }

  protected get optionsName(): string {
    return 'Joined'
  }

  static with<K, V, VO>(
    keySerde: Serde<K> | undefined,
    valueSerde: Serde<V> | undefined,
    otherValueSerde?: Serde<VO>,
  ): Joined<K, V, VO> {
    return new Joined<K, V, VO>({ keySerde, valueSerde, otherValueSerde })
  }

  static as<K, V, VO>(name: string): Joined<K, V, VO> {
    return new Joined<K, V, VO>({ name: validateName('Joined.as()', name) })
  }

  /** With the serde of the other side's values. */
  withOtherValueSerde(otherValueSerde: Serde<VO>): Joined<K, V, VO> {
    return this.copy({ otherValueSerde })
  }
}
