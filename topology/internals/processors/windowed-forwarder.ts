/**
 * @module
 * Forwarding of windowed aggregation results when the store may cache: without a cache each
 * update is forwarded at once; with one, updates collapse per window and are forwarded when the
 * cache flushes (on commit or eviction), as Kafka Streams' TimestampedTupleForwarder does. The
 * stored form (a value with its timestamp, or a plain session aggregate) is unwrapped here.
 */
import type { StateStore, Windowed } from '../../../stores/api.ts'
import type { ProcessorContext, Record } from '../../processor.ts'
import type { Change } from '../change.ts'

type FlushListener<K, S> = (
  key: Windowed<K>,
  newValue: S | null,
  oldValue: S | null,
  timestamp: number,
) => void | Promise<void>

interface Flushable<K, S> {
  setFlushListener(listener: FlushListener<K, S>): boolean
}

/**
 * Forwards windowed changes directly, or on cache flush.
 *
 * @example
 * ```ts
 * const fwd = new WindowedForwarder(store, ctx, (s) => s?.value ?? null, (key, s) => s?.timestamp ?? key.window.end)
 * await fwd.maybeForward(record)
 * ```
 */
export class WindowedForwarder<K, S, A> {
  readonly cached: boolean
  readonly #ctx: ProcessorContext<Windowed<K>, Change<A>>

  constructor(
    store: StateStore,
    ctx: ProcessorContext<Windowed<K>, Change<A>>,
    unwrap: (stored: S | null) => A | null,
    timestampOf: (key: Windowed<K>, newValue: S | null, oldValue: S | null, timestamp: number) => number,
  ) {
    this.#ctx = ctx
    const flushable = store as unknown as Partial<Flushable<K, S>>
    this.cached =
      typeof flushable.setFlushListener === 'function' &&
      flushable.setFlushListener((key, newValue, oldValue, timestamp) =>
        ctx.forward({
          key,
          value: { newValue: unwrap(newValue), oldValue: unwrap(oldValue) },
          timestamp: timestampOf(key, newValue, oldValue, timestamp),
          headers: {},
        }),
      )
  }

  /** Forwards now unless the store caches (then the flush forwards). */
  async maybeForward(record: Record<Windowed<K>, Change<A>>): Promise<void> {
    if (!this.cached) await this.#ctx.forward(record)
  }
}
