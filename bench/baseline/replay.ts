/**
 * @module
 * How the kafkajs baseline keeps T2's in-memory state correct across rebalances without a
 * changelog: after every group join each assigned partition restarts from its committed offset
 * with empty state, so the worker first seeks back `span` records and replays them with outputs
 * suppressed (they were emitted before), rebuilding the open windows and last samples. Without
 * this, a window whose records all lay before the handover offset was never emitted by anyone:
 * its old owner dropped it open, its new owner never saw it (the T2 at-least-once 2-worker stall).
 */

/** What to do with a fetched batch. */
export type BatchAction =
  | { readonly kind: 'process' }
  | { readonly kind: 'seek'; readonly offset: bigint }
  /** Fetched before a seek took effect: ignore it (not resolved, so it is fetched again later). */
  | { readonly kind: 'stale' }

const PROCESS: BatchAction = { kind: 'process' }
const STALE: BatchAction = { kind: 'stale' }

/**
 * Replay bookkeeping of one worker.
 *
 * @example
 * ```ts
 * const replay = new Replay(10_000)
 * replay.assigned([0, 3])
 * replay.onBatch(0, 52_000n) // { kind: 'seek', offset: 42_000n }
 * replay.suppressed(0, 42_001n) // true: state only
 * ```
 */
export class Replay {
  readonly #span: bigint
  /** Partitions whose first batch since the join decides the replay. */
  #fresh = new Set<number>()
  /** Offsets below these only rebuild state. */
  #until = new Map<number, bigint>()
  /** Partitions waiting for the batch at their seek offset. */
  #seeking = new Set<number>()

  /** `span`: records per partition that cover every open window and last sample (0: stateless). */
  constructor(span: number) {
    this.#span = BigInt(span)
  }

  /** A group join: every assigned partition resumes from its committed offset with empty state. */
  assigned(partitions: readonly number[]): void {
    this.#fresh = new Set(partitions)
    this.#until.clear()
    this.#seeking.clear()
  }

  /** Decides about a batch of `partition` whose first record is at `first`. */
  onBatch(partition: number, first: bigint): BatchAction {
    if (this.#fresh.delete(partition)) {
      if (first === 0n || this.#span === 0n) return PROCESS
      this.#until.set(partition, first)
      this.#seeking.add(partition)
      return { kind: 'seek', offset: first > this.#span ? first - this.#span : 0n }
    }
    if (this.#seeking.has(partition)) {
      if (first >= this.#until.get(partition)!) return STALE
      this.#seeking.delete(partition)
    }
    return PROCESS
  }

  /** Whether the record at `offset` only rebuilds state (its outputs were emitted before the join). */
  suppressed(partition: number, offset: bigint): boolean {
    const until = this.#until.get(partition)
    return until !== undefined && offset < until
  }
}
