/**
 * @module
 * Session window aggregation, as Kafka Streams' KStreamSessionWindowAggregate: a record at t opens
 * the session [t, t] and merges every session of its key that ends within the inactivity gap
 * before t or starts within the gap after it. Merged-away sessions are removed and a tombstone
 * (newValue null) is forwarded for each, then the merged session is forwarded. A record whose
 * merged session ended before stream time - grace is dropped and counted as `dropped-records`.
 * Results carry the session end as their timestamp.
 */
import type { KeyValue, SessionStore, Window, Windowed } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { SessionWindows } from '../../windows/session-windows.ts'
import type { Change } from '../change.ts'
import { droppedForNull } from './record-guards.ts'
import type { Aggregator } from './window-aggregate.ts'
import { WindowedForwarder } from './windowed-forwarder.ts'

/** Combines the aggregates of two sessions that a record bridged. */
export type Merger<K, A> = (key: K, aggregate1: A, aggregate2: A) => A

/** Session aggregation parameters. */
export interface SessionWindowAggregateOptions<K, V, A> {
  readonly storeName: string
  readonly windows: SessionWindows
  readonly initializer: () => A
  readonly aggregator: Aggregator<K, V, A>
  readonly merger: Merger<K, A>
}

/**
 * Makes the session window aggregation processor of one task.
 *
 * @example
 * ```ts
 * const supplier = () => sessionWindowAggregate({ storeName: 'stints', windows, initializer: () => 0,
 *   aggregator: (_k, _v, n) => n + 1, merger: (_k, a, b) => a + b })
 * ```
 */
export function sessionWindowAggregate<K, V, A>(
  options: SessionWindowAggregateOptions<K, V, A>,
): Processor<K, V, Windowed<K>, Change<A>> {
  const { storeName, windows, initializer, aggregator, merger } = options
  let ctx: ProcessorContext<Windowed<K>, Change<A>>
  let store: SessionStore<K, A>
  let forwarder: WindowedForwarder<K, A, A>
  let observedStreamTime = -1
  return {
    init(context) {
      ctx = context
      store = context.getStateStore(storeName)
      forwarder = new WindowedForwarder<K, A, A>(
        store,
        context,
        (a) => a,
        (key) => key.window.end,
      )
    },
    async process(record: Record<K, V>) {
      if (droppedForNull(record, ctx)) return
      const { key, value, timestamp } = record
      observedStreamTime = Math.max(observedStreamTime, timestamp)
      const closeTime = observedStreamTime - windows.graceMs
      const merged: KeyValue<Windowed<K>, A>[] = []
      let window: Window = { start: timestamp, end: timestamp }
      let agg = initializer()
      const gap = windows.inactivityGapMs
      for await (const session of store.findSessions(key, timestamp - gap, timestamp + gap)) {
        merged.push(session)
        agg = merger(key, agg, session.value)
        window = {
          start: Math.min(window.start, session.key.window.start),
          end: Math.max(window.end, session.key.window.end),
        }
      }
      if (window.end < closeTime) {
        ctx.recordMetric('dropped-records')
        return
      }
      if (window.start !== timestamp || window.end !== timestamp) {
        for (const session of merged) {
          await store.remove(session.key)
          await forwarder.maybeForward({
            key: session.key,
            value: { newValue: null, oldValue: session.value },
            timestamp: session.key.window.end,
            headers: record.headers,
          })
        }
      }
      agg = aggregator(key, value, agg)
      const sessionKey: Windowed<K> = { key, window }
      await store.put(sessionKey, agg)
      await forwarder.maybeForward({
        key: sessionKey,
        value: { newValue: agg, oldValue: null },
        timestamp: window.end,
        headers: record.headers,
      })
    },
  }
}
