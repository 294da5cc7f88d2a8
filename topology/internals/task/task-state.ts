/**
 * @module
 * What all nodes of one task share: ids, stream time, the record being processed, stores,
 * punctuation queues and processor metrics.
 */
import type { RestorableStore, StateStore } from '../../../stores/api.ts'
import type { ConsumedRecord, TaskContext } from '../runnable.ts'
import { PunctuationQueue } from './punctuation-queue.ts'

/**
 * Mutable state of one task, owned by the task and read by its node contexts.
 *
 * @example
 * ```ts
 * state.streamTime = Math.max(state.streamTime, record.timestamp)
 * ```
 */
export class TaskState {
  readonly taskId: string
  readonly context: TaskContext
  readonly stores = new Map<string, StateStore & RestorableStore>()
  readonly streamPunctuations = new PunctuationQueue()
  readonly wallClockPunctuations = new PunctuationQueue()
  readonly metrics = new Map<string, number>()
  streamTime = -1
  /** The input record being processed; undefined in punctuations and cache flushes. */
  current: ConsumedRecord | undefined = undefined
  /** Event time of the record being processed (used for changelog records). */
  currentTimestamp = -1
  /** The innermost processor an error came out of (set by the first node it passes through). */
  failure: { readonly error: unknown; readonly processorName: string } | undefined = undefined

  constructor(taskId: string, context: TaskContext) {
    this.taskId = taskId
    this.context = context
  }

  addMetric(name: string, delta: number): void {
    this.metrics.set(name, (this.metrics.get(name) ?? 0) + delta)
  }
}
