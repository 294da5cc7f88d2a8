/**
 * @module
 * What the three metered layers share: turning typed keys and values into bytes and back with the
 * store's serdes (topic = the store's changelog topic, as in Kafka Streams), timing operations into
 * the task's {@link StoreMetricsSink}, and refusing use of a closed store.
 */

import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { Serde } from '../../topology/serdes.ts'
import type { StateStoreContext, StoreMetricsSink } from '../api.ts'

/**
 * Serdes, timings and the open check of one metered store.
 *
 * @example
 * ```ts
 * const m = new StoreMetering('counts', Serdes.string(), Serdes.json())
 * m.open(context)
 * const bytes = m.keyBytes('car-44')
 * ```
 */
export class StoreMetering<K, V> {
  readonly #name: string
  readonly #keySerde: Serde<K>
  readonly #valueSerde: Serde<V>
  #topic: string
  #sink: StoreMetricsSink | undefined
  #open = false

  constructor(name: string, keySerde: Serde<K>, valueSerde: Serde<V>) {
    this.#name = name
    this.#keySerde = keySerde
    this.#valueSerde = valueSerde
    this.#topic = `${name}-changelog`
  }

  open(context: StateStoreContext): void {
    this.#topic = `${context.applicationId}-${this.#name}-changelog`
    this.#sink = context.metrics
    this.#open = true
  }

  closed(): void {
    this.#open = false
  }

  get isOpen(): boolean {
    return this.#open
  }

  #check(): void {
    if (!this.#open) throw new PitwallError(ErrorCodes.STORE_CLOSED, `store '${this.#name}' is not open`)
  }

  keyBytes(key: K): Uint8Array {
    const bytes = this.#keySerde.serialize(this.#topic, key)
    if (bytes === null) {
      throw new PitwallError(ErrorCodes.SERDE_SERIALIZATION, `store '${this.#name}': a key serialized to null`, {
        details: { store: this.#name },
      })
    }
    return bytes
  }

  valueBytes(value: V | null): Uint8Array | null {
    return value === null ? null : this.#valueSerde.serialize(this.#topic, value)
  }

  key(bytes: Uint8Array): K {
    return this.#keySerde.deserialize(this.#topic, bytes)
  }

  value(bytes: Uint8Array): V {
    return this.#valueSerde.deserialize(this.#topic, bytes)
  }

  optionalValue(bytes: Uint8Array | null | undefined): V | null {
    return bytes === null || bytes === undefined ? null : this.value(bytes)
  }

  /** Runs `fn` on an open store and reports its duration as `operation`. */
  async time<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    this.#check()
    const sink = this.#sink
    if (sink === undefined) return fn()
    const start = performance.now()
    try {
      return await fn()
    } finally {
      sink.record(this.#name, operation, performance.now() - start)
    }
  }

  /** Maps a scan of an open store and reports the whole iteration's duration as `operation`. */
  async *iterate<T, R>(
    operation: string,
    source: () => AsyncIterable<T>,
    map: (item: T) => R | undefined,
  ): AsyncGenerator<R> {
    this.#check()
    const sink = this.#sink
    const start = sink === undefined ? 0 : performance.now()
    try {
      for await (const item of source()) {
        const mapped = map(item)
        if (mapped !== undefined) yield mapped
      }
    } finally {
      sink?.record(this.#name, operation, performance.now() - start)
    }
  }
}
