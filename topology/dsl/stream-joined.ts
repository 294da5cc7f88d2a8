/**
 * @module
 * `StreamJoined`: serdes, names and store options of a stream-stream join (both sides buffer in
 * window stores, plus the shared outer store of left/outer joins).
 */
import type { Serde } from '../serdes.ts'
import type { StoreType } from './materialized.ts'
import { validateName } from './named.ts'
import { SerdeOptions } from './option-object.ts'

/**
 * Options of `KStream.join/leftJoin/outerJoin(otherStream, …)`; immutable.
 *
 * @example
 * ```ts
 * laps.join(pits, (lap, pit) => ({ lap, pit }), JoinWindows.ofTimeDifferenceAndGrace(60_000, 5_000),
 *   StreamJoined.with(Serdes.string(), lapSerde, pitSerde).withStoreName('lap-pit'))
 * ```
 */
export class StreamJoined<K, V, VO> extends SerdeOptions<K, V> {
  readonly otherValueSerde: Serde<VO> | undefined
  /** Names the stores (`<storeName>-this-join-store`, `-other-join-store`, `-outer-shared-join-store`). */
  readonly storeName: string | undefined
  readonly storeType: StoreType | undefined
  readonly loggingEnabled: boolean
  readonly topicConfig: Readonly<Record<string, string>>

  private constructor(init: Partial<StreamJoined<K, V, VO>>) {
    super(init)
    this.otherValueSerde = init.otherValueSerde
    this.storeName = init.storeName
    this.storeType = init.storeType
    this.loggingEnabled = init.loggingEnabled ?? true
    this.topicConfig = init.topicConfig ?? {}
    Object.freeze(this)
  }

  protected get optionsName(): string {
    return 'StreamJoined'
  }

  /** Serdes of the key and both sides' values. */
  static with<K, V, VO>(
    keySerde?: Serde<K>,
    valueSerde?: Serde<V>,
    otherValueSerde?: Serde<VO>,
  ): StreamJoined<K, V, VO> {
    return new StreamJoined<K, V, VO>({ keySerde, valueSerde, otherValueSerde })
  }

  /** Names the join's processors. */
  static as<K, V, VO>(name: string): StreamJoined<K, V, VO> {
    return new StreamJoined<K, V, VO>({ name: validateName('StreamJoined.as()', name) })
  }

  /** With the serde of the other side's values. */
  withOtherValueSerde(otherValueSerde: Serde<VO>): StreamJoined<K, V, VO> {
    return this.copy({ otherValueSerde })
  }

  /** Names the stores (`<storeName>-this-join-store`, `-other-join-store`, `-outer-shared-join-store`). */
  withStoreName(storeName: string): StreamJoined<K, V, VO> {
    return this.copy({ storeName: validateName('StreamJoined.withStoreName()', storeName) })
  }

  withStoreType(storeType: StoreType): StreamJoined<K, V, VO> {
    return this.copy({ storeType })
  }

  withLoggingEnabled(topicConfig: Readonly<Record<string, string>> = {}): StreamJoined<K, V, VO> {
    return this.copy({ loggingEnabled: true, topicConfig })
  }

  withLoggingDisabled(): StreamJoined<K, V, VO> {
    return this.copy({ loggingEnabled: false })
  }
}
