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
 * Hands both join processors of a task the same tracker; the DSL creates one per join.
 *
 * @example
 * ```ts
 * const trackers = new JoinTimeTrackers(0)
 * trackers.get('0_1') === trackers.get('0_1') // true
 * ```
 */
export class JoinTimeTrackers {
  readonly #emitIntervalMs: number
  readonly #byTask = new Map<string, JoinTimeTracker>()

  /** `emitIntervalMs`: wall-clock throttle of outer-store scans (Kafka's default is 1000; 0 scans on every record). */
  constructor(emitIntervalMs = 0) {
    this.#emitIntervalMs = emitIntervalMs
  }

  get(taskId: string): JoinTimeTracker {
    let tracker = this.#byTask.get(taskId)
    if (!tracker) {
      tracker = new JoinTimeTracker(this.#emitIntervalMs)
      this.#byTask.set(taskId, tracker)
    }
    return tracker
  }

  remove(taskId: string): void {
    this.#byTask.delete(taskId)
  }
}
