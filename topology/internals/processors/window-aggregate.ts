/**
 * @module
 * Tumbling and hopping window aggregation (count, reduce and aggregate are all this processor with
 * different functions): each record updates every window that contains it, unless the window has
 * closed (window end <= stream time - grace), in which case the record is dropped for that window
 * and counted in the `dropped-records` metric, as Kafka Streams does.
 */
import type { Windowed, WindowStore } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { TimeWindows } from '../../windows/time-windows.ts'
import type { Change } from '../change.ts'
import { droppedForNull } from './record-guards.ts'
import type { ValueAndTimestamp } from './value-and-timestamp.ts'
import { WindowedForwarder } from './windowed-forwarder.ts'

/** Folds a record value into an aggregate. */
export type Aggregator<K, V, A> = (key: K, value: V, aggregate: A) => A

/** Windowed aggregation parameters. */
export interface WindowAggregateOptions<K, V, A> {
  readonly storeName: string
  readonly windows: TimeWindows
  readonly initializer: () => A
  readonly aggregator: Aggregator<K, V, A>
}

/**
 * Makes the window aggregation processor of one task.
 *
 * @example
 * ```ts
 * const supplier = () => windowAggregate({ storeName: 'lap-counts', windows, initializer: () => 0, aggregator: (_k, _v, n) => n + 1 })
 * ```
 */
export function windowAggregate<K, V, A>(
  options: WindowAggregateOptions<K, V, A>,
): Processor<K, V, Windowed<K>, Change<A>> {
  const { storeName, windows, initializer, aggregator } = options
  let ctx: ProcessorContext<Windowed<K>, Change<A>>
  let store: WindowStore<K, ValueAndTimestamp<A>>
  let forwarder: WindowedForwarder<K, ValueAndTimestamp<A>, A>
  let observedStreamTime = -1
  return {
    init(context) {
      ctx = context
      store = context.getStateStore(storeName)
      forwarder = timestampedForwarder(store, context)
    },
    async process(record: Record<K, V>) {
      if (droppedForNull(record, ctx)) return
      observedStreamTime = Math.max(observedStreamTime, record.timestamp)
      const closeTime = observedStreamTime - windows.graceMs
      for (const [start, window] of windows.windowsFor(record.timestamp)) {
        if (window.end <= closeTime) {
          ctx.recordMetric('dropped-records')
          continue
        }
        const old = await store.fetch(record.key, start)
        const oldAgg = old === undefined || old === null ? null : old.value
        const timestamp = oldAgg === null ? record.timestamp : Math.max(record.timestamp, old!.timestamp)
        const newAgg = aggregator(record.key, record.value, oldAgg ?? initializer())
        await store.put(record.key, { value: newAgg, timestamp }, start)
        // a cached store forwards on flush: skip building the record
        if (!forwarder.cached)
          await forwarder.maybeForward({
            key: { key: record.key, window },
            value: { newValue: newAgg, oldValue: oldAgg },
            timestamp,
            headers: record.headers,
          })
      }
    },
  }
}

/**
 * The forwarder of aggregations whose window store holds values with timestamps.
 *
 * @example
 * ```ts
 * const forwarder = timestampedForwarder(store, ctx)
 * ```
 */
export function timestampedForwarder<K, A>(
  store: WindowStore<K, ValueAndTimestamp<A>>,
  ctx: ProcessorContext<Windowed<K>, Change<A>>,
): WindowedForwarder<K, ValueAndTimestamp<A>, A> {
  return new WindowedForwarder<K, ValueAndTimestamp<A>, A>(
    store,
    ctx,
    (s) => s?.value ?? null,
    (_key, newValue, oldValue, timestamp) => newValue?.timestamp ?? oldValue?.timestamp ?? timestamp,
  )
}
