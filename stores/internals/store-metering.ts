/**
 * @module
 * What the three metered layers share: turning typed keys and values into bytes and back with the
 * store's serdes (topic = the store's changelog topic, as in Kafka Streams), timing operations into
 * the task's {@link StoreMetricsSink}, and refusing use of a closed store.
 */

import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { Serde } from '../../topology/serdes.ts'
import type { StateStoreContext, StoreMetricsSink } from '../api.ts'

const NO_KEY = Symbol('no key')
const KEY_MEMO_SIZE = 1024

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
  /**
   * Bytes of primitive keys serialized lately (serializers are pure; nothing mutates key bytes):
   * processors touch a few hot keys, often the same one twice in a row (read, then write), and
   * encoding a key cost more than the cache lookup it is for. The memo is emptied when full.
   */
  readonly #keyMemo = new Map<unknown, Uint8Array>()
  #lastKey: unknown = NO_KEY
  #lastKeyBytes: Uint8Array | undefined

  constructor(name: string, keySerde: Serde<K>, valueSerde: Serde<V>) {
    this.#name = name
    this.#keySerde = keySerde
    this.#valueSerde = valueSerde
    this.#topic = `${name}-changelog`
  }

  open(context: StateStoreContext): void {
    this.#topic = `${context.applicationId}-${this.#name}-changelog`
    this.#keyMemo.clear()
    this.#lastKey = NO_KEY
    this.#sink = context.metrics
    this.#open = true
  }

  closed(): void {
    this.#open = false
  }

  get isOpen(): boolean {
    return this.#open
  }

  #closedError(): PitwallError {
    return new PitwallError(ErrorCodes.STORE_CLOSED, `store '${this.#name}' is not open`)
  }

  #check(): void {
    if (!this.#open) throw this.#closedError()
  }

  /** The key's bytes (a primitive key's from the memo when serialized lately). */
  keyBytes(key: K): Uint8Array {
    if (key === this.#lastKey) return this.#lastKeyBytes!
    const type = typeof key
    // not 0: -0 equals 0 for === and for Map keys, but a serializer may tell them apart
    const primitive = type === 'string' || (type === 'number' && key !== 0) || type === 'bigint' || type === 'boolean'
    if (primitive) {
      const memo = this.#keyMemo.get(key)
      if (memo !== undefined) {
        this.#lastKey = key
        this.#lastKeyBytes = memo
        return memo
      }
    }
    const bytes = this.#keySerde.serialize(this.#topic, key)
    if (bytes === null) {
      throw new PitwallError(ErrorCodes.SERDE_SERIALIZATION, `store '${this.#name}': a key serialized to null`, {
        details: { store: this.#name },
      })
    }
    if (primitive) {
      if (this.#keyMemo.size >= KEY_MEMO_SIZE) this.#keyMemo.clear()
      this.#keyMemo.set(key, bytes)
      this.#lastKey = key
      this.#lastKeyBytes = bytes
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

  /** Runs `fn` on an open store and reports its duration as `operation` (failures are rejections). */
  time<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    if (!this.#open) return Promise.reject(this.#closedError())
    const sink = this.#sink
    if (sink !== undefined) return this.#timed(operation, fn, sink)
    try {
      return fn()
    } catch (error) {
      return Promise.reject(error)
    }
  }

  async #timed<T>(operation: string, fn: () => Promise<T>, sink: StoreMetricsSink): Promise<T> {
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
