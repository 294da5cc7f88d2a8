/**
 * @module
 * Forwards KTable changes unless the store caches them: a caching store emits the collapsed
 * change per key when it flushes (on commit or eviction), through the flush listener registered
 * here (Kafka's TimestampedTupleForwarder). Stores without a cache get every change forwarded.
 */
import type { StateStore } from '../../../stores/api.ts'
import type { ProcessorContext, Record } from '../../processor.ts'
import { type Change, change } from '../change.ts'

/** A store that can report flushed cache entries (the caching layer implements it). */
export interface FlushListenable<K, V> {
  /** Registers `listener`; returns true when the store caches (and will call it on flush). */
  setFlushListener(
    listener: (key: K, newValue: V | null, oldValue: V | null, timestamp: number) => void | Promise<void>,
  ): boolean
}

function isFlushListenable(store: unknown): store is FlushListenable<unknown, unknown> {
  return typeof (store as Partial<FlushListenable<unknown, unknown>>).setFlushListener === 'function'
}

/**
 * Forwards changes of one store's table.
 *
 * @example
 * ```ts
 * const forwarder = new TupleForwarder<string, number>(store, ctx)
 * return forwarder.maybeForward(record, next, previous)
 * ```
 */
export class TupleForwarder<K, V> {
  readonly #ctx: ProcessorContext<K, Change<V>>
  readonly #cached: boolean

  constructor(store: StateStore, ctx: ProcessorContext<K, Change<V>>) {
    this.#ctx = ctx
    this.#cached = isFlushListenable(store)
      ? (store as unknown as FlushListenable<K, V>).setFlushListener((key, newValue, oldValue, timestamp) =>
          ctx.forward({ key, value: change(newValue, oldValue), timestamp, headers: {} }),
        )
      : false
  }

  maybeForward(record: Record<K, unknown>, newValue: V | null, oldValue: V | null): Promise<void> | undefined {
    if (this.#cached) return undefined
    return this.#ctx.forward({
      key: record.key,
      value: change(newValue, oldValue),
      timestamp: record.timestamp,
      headers: record.headers,
    })
  }
}
