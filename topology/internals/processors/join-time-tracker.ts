/**
 * @module
 * The two processors of a stream-stream join (one per side) share one view of time per task: the
 * stream time over both inputs, the earliest unmatched record waiting in the outer store, and when
 * the outer store may next be scanned. Sharing it is what lets a record on one side close the
 * windows of unmatched records of the other side.
 */

/**
 * Time shared by both sides of one join in one task.
 *
 * @example
 * ```ts
 * const t = new JoinTimeTracker(0); t.advanceStreamTime(10); t.updateMinTime(3)
 * ```
 */
export class JoinTimeTracker {
  readonly emitIntervalMs: number
  streamTime = -1
  /** Timestamp of the earliest record in the outer store (a lower bound). */
  minTime = Number.POSITIVE_INFINITY
  /** Wall-clock time before which the outer store is not scanned again. */
  nextTimeToEmit = 0

  constructor(emitIntervalMs: number) {
    this.emitIntervalMs = emitIntervalMs
  }

  advanceStreamTime(timestamp: number): void {
    this.streamTime = Math.max(this.streamTime, timestamp)
  }

  updateMinTime(timestamp: number): void {
    this.minTime = Math.min(this.minTime, timestamp)
  }
}

/**
 * Hands both join processors of a task the same tracker. The DSL creates one per join; the key is
 * the task's left-side window store instance, which both processors of a task share, so trackers
 * never leak between tasks or between drivers running the same topology.
 *
 * @example
 * ```ts
 * const trackers = new JoinTimeTrackers(0)
 * trackers.get(leftStore) === trackers.get(leftStore) // true
 * ```
 */
export class JoinTimeTrackers {
  readonly #emitIntervalMs: number
  readonly #byTask = new WeakMap<object, JoinTimeTracker>()

  /** `emitIntervalMs`: wall-clock throttle of outer-store scans (Kafka's default is 1000; 0 scans on every record). */
  constructor(emitIntervalMs = 0) {
    this.#emitIntervalMs = emitIntervalMs
  }

  get(taskAnchor: object): JoinTimeTracker {
    let tracker = this.#byTask.get(taskAnchor)
    if (!tracker) {
      tracker = new JoinTimeTracker(this.#emitIntervalMs)
      this.#byTask.set(taskAnchor, tracker)
    }
    return tracker
  }
}
