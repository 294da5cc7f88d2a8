/**
 * @module
 * Sliding window aggregation with Kafka Streams' SlidingWindows semantics: windows are defined by
 * the records themselves. Each record has a left window [t - diff, t] ending at it and a right
 * window [t + 1, t + 1 + diff] starting just after it (created only when a later record falls into
 * it). A new record updates every existing window that contains it and creates its own left and
 * right windows and the right window of the previous record, so every distinct set of records that
 * lie within `diff` of each other has exactly one window. Records with t < diff share the window
 * [0, diff]. The store keeps each window with the maximum record timestamp in it.
 */
import type { Window, Windowed, WindowStore } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { SlidingWindows } from '../../windows/sliding-windows.ts'
import type { Change } from '../change.ts'
import { droppedForNull } from './record-guards.ts'
import type { ValueAndTimestamp } from './value-and-timestamp.ts'
import { type Aggregator, timestampedForwarder } from './window-aggregate.ts'
import type { WindowedForwarder } from './windowed-forwarder.ts'

/** Sliding window aggregation parameters. */
export interface SlidingWindowAggregateOptions<K, V, A> {
  readonly storeName: string
  readonly windows: SlidingWindows
  readonly initializer: () => A
  readonly aggregator: Aggregator<K, V, A>
}

type Agg<A> = ValueAndTimestamp<A>

/**
 * Makes the sliding window aggregation processor of one task.
 *
 * @example
 * ```ts
 * const supplier = () => slidingWindowAggregate({ storeName: 's', windows, initializer: () => 0, aggregator: (_k, _v, n) => n + 1 })
 * ```
 */
export function slidingWindowAggregate<K, V, A>(
  options: SlidingWindowAggregateOptions<K, V, A>,
): Processor<K, V, Windowed<K>, Change<A>> {
  const { storeName, windows, initializer, aggregator } = options
  const diff = windows.timeDifferenceMs
  let ctx: ProcessorContext<Windowed<K>, Change<A>>
  let store: WindowStore<K, Agg<A>>
  let forwarder: WindowedForwarder<K, Agg<A>, A>
  let observedStreamTime = -1

  const windowOf = (start: number): Window => ({ start, end: start + diff })

  async function update(
    key: K,
    value: V,
    window: Window,
    current: Agg<A>,
    isNew: boolean,
    r: Record<K, V>,
    closeTime: number,
  ) {
    if (window.end <= closeTime) {
      ctx.recordMetric('dropped-records')
      return
    }
    const newAgg = aggregator(key, value, current.value)
    const timestamp = Math.max(r.timestamp, current.timestamp)
    await store.put(key, { value: newAgg, timestamp }, window.start)
    await forwarder.maybeForward({
      key: { key, window },
      value: { newValue: newAgg, oldValue: isNew ? null : current.value },
      timestamp,
      headers: r.headers,
    })
  }

  async function createRightWindow(key: K, t: number, rightAgg: Agg<A>, r: Record<K, V>) {
    const window = windowOf(t + 1)
    await store.put(key, rightAgg, window.start)
    await forwarder.maybeForward({
      key: { key, window },
      value: { newValue: rightAgg.value, oldValue: null },
      timestamp: rightAgg.timestamp,
      headers: r.headers,
    })
  }

  async function processInOrder(r: Record<K, V>, closeTime: number) {
    const { key, value, timestamp: t } = r
    const starts = new Set<number>()
    let leftAgg: Agg<A> | undefined
    let rightAgg: Agg<A> | undefined
    let leftCreated = false
    let rightCreated = false
    let previous: number | undefined
    const found: { start: number; agg: Agg<A> }[] = []
    for await (const { key: start, value: agg } of store.fetchRange(key, Math.max(0, t - 2 * diff), t + 1))
      found.push({ start, agg })
    for (const { start, agg } of found) {
      starts.add(start)
      const end = start + diff
      if (end < t) {
        leftAgg = agg
        previous = agg.timestamp
      } else if (end === t) {
        leftCreated = true
        if (agg.timestamp < t) previous = agg.timestamp
        await update(key, value, windowOf(start), agg, false, r, closeTime)
      } else if (start <= t) {
        rightAgg = agg
        await update(key, value, windowOf(start), agg, false, r, closeTime)
      } else {
        rightCreated = true // start === t + 1
      }
    }
    if (previous !== undefined) {
      const previousRightStart = previous + 1
      if (!starts.has(previousRightStart) && previousRightStart + diff >= t) {
        await update(
          key,
          value,
          windowOf(previousRightStart),
          { value: initializer(), timestamp: t },
          true,
          r,
          closeTime,
        )
      }
    }
    if (!leftCreated) {
      const leftNotEmpty = previous !== undefined && t - diff <= previous
      const base = leftNotEmpty ? { value: leftAgg!.value, timestamp: t } : { value: initializer(), timestamp: t }
      await update(key, value, windowOf(t - diff), base, !leftNotEmpty, r, closeTime)
    }
    if (!rightCreated && rightAgg !== undefined && rightAgg.timestamp > t) await createRightWindow(key, t, rightAgg, r)
  }

  async function processEarly(r: Record<K, V>, closeTime: number) {
    const { key, value, timestamp: t } = r
    let combined: { start: number; agg: Agg<A> } | undefined
    let rightAgg: Agg<A> | undefined
    let rightCreated = false
    let previous: number | undefined
    const starts = new Set<number>()
    const found: { start: number; agg: Agg<A> }[] = []
    for await (const { key: start, value: agg } of store.fetchRange(key, 0, t + 1)) found.push({ start, agg })
    for (const { start, agg } of found) {
      starts.add(start)
      if (start === 0) {
        combined = { start, agg }
        if (agg.timestamp < t) previous = agg.timestamp
      } else if (start <= t) {
        rightAgg = agg
        await update(key, value, windowOf(start), agg, false, r, closeTime)
      } else {
        rightCreated = true
      }
    }
    // Without a right window found, the combined window holds only records later than this one.
    if (rightAgg === undefined && combined !== undefined && combined.agg.timestamp > t) rightAgg = combined.agg
    if (!rightCreated && rightAgg !== undefined && rightAgg.timestamp > t) await createRightWindow(key, t, rightAgg, r)
    if (previous !== undefined && !starts.has(previous + 1)) {
      await update(key, value, windowOf(previous + 1), { value: initializer(), timestamp: t }, true, r, closeTime)
    }
    if (combined === undefined)
      await update(key, value, windowOf(0), { value: initializer(), timestamp: t }, true, r, closeTime)
    else await update(key, value, windowOf(0), combined.agg, false, r, closeTime)
  }

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
      // Even the record's right window would already be closed.
      if (record.timestamp + 1 + diff <= closeTime) {
        ctx.recordMetric('dropped-records')
        return
      }
      if (record.timestamp < diff) await processEarly(record, closeTime)
      else await processInOrder(record, closeTime)
    },
  }
}
