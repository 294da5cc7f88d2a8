/**
 * @module
 * One side of a windowed stream-stream join (Kafka 3.x semantics, KStreamKStreamJoin). Each side
 * buffers its records in its own window store (retaining duplicates) and joins every incoming
 * record with the other side's records in [t - before, t + after] (mirrored for the right side).
 * Inner joins emit only matches. For left/outer joins an unmatched record is not emitted at once:
 * it waits in the shared outer store until its window closes (stream time over both sides passes
 * t + after + grace) and is then emitted with a null partner, unless a partner arrived meanwhile;
 * a record already outside its window when it arrives is emitted with a null partner at once.
 */
import type { KeyValueStore, WindowStore } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { JoinWindows } from '../../windows/join-windows.ts'
import type { LeftOrRightValue, TimestampedKeyAndJoinSide } from './join-outer-store.ts'
import type { JoinTimeTracker, JoinTimeTrackers } from './join-time-tracker.ts'

/** Joins a left and a right value; for left/outer joins one of them may be null. */
export type StreamJoiner<K, VL, VR, VOut> = (key: K, left: VL | null, right: VR | null) => VOut

/** Parameters of one side of a stream-stream join. */
export interface StreamStreamJoinOptions<K, VL, VR, VOut> {
  readonly side: 'left' | 'right'
  readonly thisStoreName: string
  readonly otherStoreName: string
  /** The shared outer store, present for left and outer joins. */
  readonly outerStoreName?: string
  readonly windows: JoinWindows
  readonly joiner: StreamJoiner<K, VL, VR, VOut>
  /** Whether this side's unmatched records are emitted (left side of a left join, both of an outer join). */
  readonly outer: boolean
  readonly trackers: JoinTimeTrackers
}

type OuterStore<K, VL, VR> = KeyValueStore<TimestampedKeyAndJoinSide<K>, LeftOrRightValue<VL, VR>[]>

/**
 * Makes one side's join processor for one task.
 *
 * @example
 * ```ts
 * const trackers = new JoinTimeTrackers()
 * const left = () => streamStreamJoin({ side: 'left', thisStoreName: 'l', otherStoreName: 'r', windows, joiner, outer: false, trackers })
 * ```
 */
export function streamStreamJoin<K, VL, VR, VOut, VThis extends VL | VR = VL | VR>(
  options: StreamStreamJoinOptions<K, VL, VR, VOut>,
): Processor<K, VThis, K, VOut> {
  const { side, windows, joiner, outer, trackers } = options
  const isLeft = side === 'left'
  const before = isLeft ? windows.beforeMs : windows.afterMs
  const after = isLeft ? windows.afterMs : windows.beforeMs
  const grace = windows.graceMs
  let ctx: ProcessorContext<K, VOut>
  let thisStore: WindowStore<K, VThis>
  let otherStore: WindowStore<K, VL | VR>
  let outerStore: OuterStore<K, VL, VR> | undefined
  let tracker: JoinTimeTracker

  const join = (key: K, thisValue: VThis | null, otherValue: VL | VR | null): VOut =>
    isLeft ? joiner(key, thisValue as VL, otherValue as VR) : joiner(key, otherValue as VL, thisValue as VR)

  // An unmatched left record waits `after` for right records, an unmatched right one `before`.
  const isWindowOpen = (k: TimestampedKeyAndJoinSide<K>) =>
    k.timestamp + (k.leftSide ? windows.afterMs : windows.beforeMs) + grace >= tracker.streamTime

  async function emitNonJoined(store: OuterStore<K, VL, VR>, record: Record<K, VThis>) {
    if (tracker.minTime + after + grace >= tracker.streamTime) return
    const now = ctx.currentSystemTime()
    if (now < tracker.nextTimeToEmit) return
    tracker.nextTimeToEmit = now + tracker.emitIntervalMs
    tracker.minTime = Number.POSITIVE_INFINITY
    const closed: { key: TimestampedKeyAndJoinSide<K>; values: LeftOrRightValue<VL, VR>[] }[] = []
    let leftOpen = false
    let rightOpen = false
    for await (const { key, value } of store.all()) {
      tracker.minTime = key.timestamp
      if (leftOpen && rightOpen) break
      if (isWindowOpen(key)) {
        if (key.leftSide) leftOpen = true
        else rightOpen = true
        continue
      }
      closed.push({ key, values: value })
    }
    for (const { key, values } of closed) {
      for (const v of values) {
        const result = v.leftSide ? joiner(key.key, v.value as VL, null) : joiner(key.key, null, v.value as VR)
        await ctx.forward({ key: key.key, value: result, timestamp: key.timestamp, headers: record.headers })
      }
      await store.delete(key)
    }
  }

  return {
    init(context) {
      ctx = context
      thisStore = context.getStateStore(options.thisStoreName)
      otherStore = context.getStateStore(options.otherStoreName)
      if (options.outerStoreName !== undefined) outerStore = context.getStateStore(options.outerStoreName)
      tracker = trackers.get(isLeft ? thisStore : otherStore)
    },
    async process(record: Record<K, VThis>) {
      const { key, value, timestamp } = record
      tracker.advanceStreamTime(timestamp)
      const noKey = key === null || key === undefined
      if (outer && noKey && value !== null && value !== undefined) {
        await ctx.forward({ ...record, value: join(key, value, null) })
        return
      }
      if (noKey || value === null || value === undefined) {
        ctx.recordMetric('dropped-records')
        return
      }
      await thisStore.put(key, value, timestamp)
      if (outerStore && timestamp === tracker.streamTime) await emitNonJoined(outerStore, record)
      const timeFrom = Math.max(0, timestamp - before)
      const timeTo = Math.max(0, timestamp + after)
      let matched = false
      for await (const other of otherStore.fetchRange(key, timeFrom, timeTo)) {
        matched = true
        if (outerStore) {
          const otherKey = { timestamp: other.key, leftSide: !isLeft, key }
          if ((await outerStore.get(otherKey)) !== undefined) await outerStore.delete(otherKey)
        }
        await ctx.forward({
          ...record,
          value: join(key, value, other.value),
          timestamp: Math.max(timestamp, other.key),
        })
      }
      if (!outer || matched) return
      if (!outerStore || timeTo < tracker.streamTime) {
        await ctx.forward({ ...record, value: join(key, value, null) })
        return
      }
      tracker.updateMinTime(timestamp)
      const thisKey = { timestamp, leftSide: isLeft, key }
      const waiting = (await outerStore.get(thisKey)) ?? []
      await outerStore.put(thisKey, [...waiting, { leftSide: isLeft, value: value as VL | VR }])
    },
  }
}
