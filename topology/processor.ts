/**
 * @module
 * The minimal Processor API: every DSL operator is a {@link Processor} in its own file, and users
 * plug their own in with `KStream.process()`. Processing is asynchronous because state stores on
 * LevelDB are; a processor returns (or awaits) the promise of `context.forward()` so that a task
 * handles one record at a time, in offset order.
 */
import type { StateStore } from '../stores/api.ts'

/** Record headers: string keys to string or binary values. */
export type Headers = { [name: string]: string | Uint8Array }

/**
 * One record flowing through a topology.
 *
 * @example
 * ```ts
 * const r: Record<string, number> = { key: 'car-44', value: 312, timestamp: 1_700_000_000_000, headers: {} }
 * ```
 */
export interface Record<K, V> {
  readonly key: K
  readonly value: V
  /** Event time in epoch milliseconds. */
  readonly timestamp: number
  readonly headers: Headers
}

/** Where the record being processed came from; absent for records created by punctuators. */
export interface RecordMetadata {
  readonly topic: string
  readonly partition: number
  readonly offset: number
}

/** `'stream-time'` punctuators fire as records advance stream time; `'wall-clock-time'` ones on the system clock. */
export type PunctuationType = 'stream-time' | 'wall-clock-time'

/** Called by a scheduled punctuation with the time that triggered it. */
export type Punctuator = (timestamp: number) => void | Promise<void>

/** Cancels a scheduled punctuation. */
export interface Cancellable {
  cancel(): void
}

/**
 * What a processor sees of its task.
 *
 * @example
 * ```ts
 * class Upper implements Processor<string, string, string, string> {
 *   #ctx!: ProcessorContext<string, string>
 *   init(ctx: ProcessorContext<string, string>) { this.#ctx = ctx }
 *   process(r: Record<string, string>) { return this.#ctx.forward({ ...r, value: r.value.toUpperCase() }) }
 * }
 * ```
 */
export interface ProcessorContext<KForward = unknown, VForward = unknown> {
  /** The task this processor runs in, e.g. `'0_3'` (sub-topology 0, partition 3). */
  readonly taskId: string
  readonly applicationId: string
  /** Sends a record to all children, or only to the named child. */
  forward<K extends KForward, V extends VForward>(record: Record<K, V>, childName?: string): Promise<void>
  /** A state store connected to this processor. Throws PITWALL_STORE_NOT_FOUND otherwise. */
  getStateStore<S extends StateStore>(name: string): S
  /** Schedules `punctuator` every `intervalMs` of stream time or wall-clock time. */
  schedule(intervalMs: number, type: PunctuationType, punctuator: Punctuator): Cancellable
  /** The task's stream time: the largest record timestamp seen so far (-1 before the first record). */
  currentStreamTime(): number
  /** The wall-clock time of the task (virtual in the test driver). */
  currentSystemTime(): number
  /** Metadata of the input record being processed, if any. */
  recordMetadata(): RecordMetadata | undefined
  /** Counts a named metric of this processor (e.g. dropped late records). */
  recordMetric(name: string, delta?: number): void
}

/**
 * A processor: `init` once per task, `process` per record, `close` when the task closes.
 *
 * @example
 * ```ts
 * const logger: Processor<string, number> = { process: (r) => console.log(r.key, r.value) }
 * ```
 */
export interface Processor<KIn, VIn, KOut = never, VOut = never> {
  init?(context: ProcessorContext<KOut, VOut>): void | Promise<void>
  process(record: Record<KIn, VIn>): void | Promise<void>
  close?(): void | Promise<void>
}

/**
 * Makes a fresh processor for each task.
 *
 * @example
 * ```ts
 * const supplier: ProcessorSupplier<string, string, string, string> = () => new Upper()
 * ```
 */
export type ProcessorSupplier<KIn, VIn, KOut = never, VOut = never> = () => Processor<KIn, VIn, KOut, VOut>
