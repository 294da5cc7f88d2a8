/**
 * @module
 * `Repartitioned`: an explicit repartition through an internal `<name>-repartition` topic.
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { Serde } from '../serdes.ts'
import type { StreamPartitioner } from './functions.ts'
import { validateName } from './named.ts'
import { SerdeOptions } from './option-object.ts'

/**
 * Options of `KStream.repartition()`; immutable.
 *
 * @example
 * ```ts
 * stream.repartition(Repartitioned.as('by-car').withNumberOfPartitions(6))
 * ```
 */
export class Repartitioned<K, V> extends SerdeOptions<K, V> {
  readonly numberOfPartitions: number | undefined
  readonly partitioner: StreamPartitioner<K, V> | undefined

  private constructor(init: Partial<Repartitioned<K, V>>) {
    super(init)
    this.numberOfPartitions = init.numberOfPartitions
    this.partitioner = init.partitioner
  }

  protected get optionsName(): string {
    return 'Repartitioned'
  }

  static as<K, V>(name: string): Repartitioned<K, V> {
    return new Repartitioned<K, V>({ name: validateName('Repartitioned.as()', name) })
  }

  static with<K, V>(keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined): Repartitioned<K, V> {
    return new Repartitioned<K, V>({ keySerde, valueSerde })
  }

  withNumberOfPartitions(numberOfPartitions: number): Repartitioned<K, V> {
    if (!Number.isInteger(numberOfPartitions) || numberOfPartitions < 1) {
      throw new PitwallError(
        ErrorCodes.TOPOLOGY_INVALID_ARGUMENT,
        `Repartitioned.withNumberOfPartitions(): numberOfPartitions must be a positive integer, got ${numberOfPartitions}`,
      )
    }
    return this.copy({ numberOfPartitions })
  }

  withStreamPartitioner(partitioner: StreamPartitioner<K, V>): Repartitioned<K, V> {
    return this.copy({ partitioner })
  }
}
