/**
 * @module
 * The processing loop of a worker: fetch (read-committed) for the active tasks, process each
 * partition's records in offset order, run wall-clock punctuators, and every commit interval
 * commit. Rebalances are fenced by a barrier: before the consumer rejoins, the loop commits and
 * pauses, then applies the new assignment (closing revoked tasks cleanly, restoring new ones).
 * Any failure of a commit aborts the open transaction (unless its outcome is unknown), closes the
 * tasks dirty and rebuilds them from the changelog at the committed offsets.
 */
import { describeError, ErrorCodes, isPitwallError, PitwallError } from '../../core/errors.ts'
import type { ConsumedRecord } from '../internals/runnable.ts'
import { type CommitParts, commitTasks } from './commit-tasks.ts'
import { FetchAhead } from './fetch-ahead.ts'
import type { FetchPosition } from './fetcher.ts'
import type { ResolvedStreamsOptions } from './options.ts'
import { PartitionErrors } from './partition-errors.ts'
import { ProgressLog } from './progress-log.ts'
import type { RepartitionPurger } from './repartition-purger.ts'
import type { ActiveTask, TaskManager } from './task-manager.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** Buffered records that start a send while processing goes on (the commit waits for all). */
const SEND_AHEAD = 5_000
/** Errors that stop the worker (a handler answered 'fail', or a bug) rather than being retried. */
const FATAL = [ErrorCodes.PROCESSING, ErrorCodes.RUNTIME_STATE, ErrorCodes.PRODUCTION, ErrorCodes.FETCH]

/** The clients and helpers the loop works with. */
export interface ThreadParts extends CommitParts {
  readonly manager: TaskManager
  /** Deletes committed repartition records; absent when the topology has no repartition topic. */
  readonly purger?: RepartitionPurger
}

/** Callbacks of the loop towards PitwallStreams. */
export interface ThreadEvents {
  onRunning(): void
  onRebalancing(): void
  onFatal(error: unknown): void
}

/**
 * One worker's loop over its tasks.
 *
 * @example
 * ```ts
 * const thread = new StreamThread(options, { consumer, committer, collector, guard, manager }, events)
 * void thread.run()
 * ```
 */
export class StreamThread {
  #o: ResolvedStreamsOptions
  #p: ThreadParts
  #events: ThreadEvents
  #tasks = new Map<string, ActiveTask>()
  #byPartition = new Map<string, ActiveTask>()
  #assignment: string[] | undefined
  #pendingAssignment: string[] | undefined
  #barrier: (() => void)[] = []
  #rebalancing = false
  #stopping = false
  #lastCommit = Date.now()
  #lastPunctuate = 0
  #failures = 0
  #progress: ProgressLog
  #fetcher: FetchAhead
  #partitionErrors: PartitionErrors

  constructor(o: ResolvedStreamsOptions, parts: ThreadParts, events: ThreadEvents) {
    this.#o = o
    this.#p = parts
    this.#events = events
    this.#progress = new ProgressLog(o.logger)
    const settings = {
      maxWaitMs: Math.min(o.commitIntervalMs, 200),
      maxBytesPerPartition: 1 << 20,
      readCommitted: true,
    }
    this.#fetcher = new FetchAhead(parts.consumer, settings)
    this.#partitionErrors = new PartitionErrors(parts.consumer, o.logger)
  }

  /** Active tasks by id (for interactive queries). */
  get tasks(): ReadonlyMap<string, ActiveTask> {
    return this.#tasks
  }

  /** Task ids owned right now (sent as subscription user data for sticky assignment). */
  ownedTaskIds(): string[] {
    return [...this.#tasks.keys()]
  }

  /** Called by the consumer before it rejoins: resolves once the loop has committed and paused. */
  beforeRejoin(): Promise<void> {
    if (this.#tasks.size === 0 || this.#stopping) {
      this.#rebalancing = true
      return Promise.resolve()
    }
    this.#rebalancing = true
    this.#events.onRebalancing()
    return new Promise((resolve) => this.#barrier.push(resolve))
  }

  /** Called when the group assigned this member its tasks. */
  assigned(taskIds: string[]): void {
    this.#pendingAssignment = taskIds
    this.#rebalancing = false
  }

  /** Runs until {@link stop}; commits and closes the tasks cleanly on the way out. */
  async run(): Promise<void> {
    while (!this.#stopping) {
      try {
        if (this.#rebalancing) {
          await this.#commitQuietly()
          this.#releaseBarrier()
          await sleep(20)
          continue
        }
        if (this.#pendingAssignment) await this.#applyAssignment(this.#pendingAssignment)
        await this.#iteration()
        this.#failures = 0
      } catch (error) {
        if (FATAL.some((code) => isPitwallError(error, code))) {
          await this.#p.collector.discard()
          await this.#p.committer.abort().catch(() => {})
          this.#releaseBarrier()
          this.#events.onFatal(error)
          return
        }
        await this.#recover(error)
      }
    }
    await this.#shutdown()
  }

  /** Asks the loop to finish: commit, close tasks cleanly. */
  stop(): void {
    this.#stopping = true
  }

  async #iteration(): Promise<void> {
    const positions: FetchPosition[] = []
    for (const t of this.#tasks.values()) {
      for (const [topic, offset] of t.positions) {
        if (this.#partitionErrors.ready(topic, t.task.partition))
          positions.push({ topic, partition: t.task.partition, offset })
      }
    }
    if (positions.length === 0) {
      await sleep(50)
    } else {
      const fetched = await this.#fetcher.fetch(positions)
      const positionOf = (topic: string, partition: number) =>
        this.#byPartition.get(`${topic}:${partition}`)?.positions.get(topic)
      for (const move of await this.#partitionErrors.handle(fetched, positionOf)) {
        this.#byPartition.get(`${move.topic}:${move.partition}`)?.positions.set(move.topic, move.offset)
      }
      for (const part of fetched) {
        const at = this.#byPartition.get(`${part.topic}:${part.partition}`)
        if (!at || part.errorCode !== 0) continue
        let next = -1
        let processed = 0
        for (const record of part.records) {
          if (this.#rebalancing || this.#stopping) break
          await this.#process(at, record)
          next = record.offset + 1
          processed++
        }
        if (next >= 0) {
          this.#progress.records += processed
          at.positions.set(part.topic, BigInt(next))
          at.consumed.set(part.topic, BigInt(next))
        }
        if (!this.#rebalancing && !this.#stopping) at.positions.set(part.topic, part.nextOffset)
      }
    }
    const now = Date.now()
    if (now - this.#lastPunctuate >= this.#o.punctuateIntervalMs) {
      this.#lastPunctuate = now
      for (const t of this.#tasks.values()) await t.task.punctuate(now)
    }
    if (this.#p.collector.size >= SEND_AHEAD) await this.#p.collector.sendAhead(this.#p.committer.sink)
    else await this.#p.collector.linger(this.#p.committer.sink, this.#o.lingerMs)
    if (now - this.#lastCommit >= this.#o.commitIntervalMs) await this.#commit()
  }

  /**
   * The task consults the error handlers and dead-letters; an error escaping `process` means the
   * handler answered 'fail' (or the topology threw outside of them), which stops the worker.
   */
  async #process(at: ActiveTask, record: ConsumedRecord): Promise<void> {
    const guard = this.#p.guard
    guard.source = record
    guard.taskId = at.id
    try {
      await at.task.process(record)
    } catch (error) {
      guard.source = undefined
      throw new PitwallError(
        ErrorCodes.PROCESSING,
        `task ${at.id} failed on ${record.topic}-${record.partition}@${record.offset}: ${describeError(error)}`,
        { cause: error, details: { topic: record.topic, partition: record.partition, offset: record.offset } },
      )
    }
    guard.source = undefined
    guard.raise()
  }

  async #commit(): Promise<void> {
    const tasks = [...this.#tasks.values()]
    const committed = await commitTasks(tasks, this.#p)
    await this.#p.manager.applyCommitted(tasks, this.#p.committer.takeCommittedWrites())
    if (committed > 0) this.#progress.commits++
    this.#p.purger?.afterCommit(tasks)
    this.#progress.report(this.#tasks.values())
    if (this.#o.processingGuarantee === 'at_least_once' && committed > 0) {
      for (const t of tasks) await this.#p.manager.checkpoint(t)
    }
    this.#lastCommit = Date.now()
  }

  async #commitQuietly(): Promise<void> {
    if (this.#tasks.size === 0) return
    try {
      await this.#commit()
    } catch (error) {
      await this.#recover(error)
    }
  }

  #releaseBarrier(): void {
    const waiting = this.#barrier
    this.#barrier = []
    for (const resolve of waiting) resolve()
  }

  async #applyAssignment(taskIds: string[]): Promise<void> {
    this.#pendingAssignment = undefined
    this.#assignment = taskIds
    const wanted = new Set(taskIds)
    for (const [id, t] of this.#tasks) {
      if (wanted.has(id)) continue
      await this.#p.manager.closeClean(t)
      this.#forget(t)
      this.#o.logger.info(`task ${id} revoked and closed cleanly`)
    }
    for (const id of taskIds) {
      if (this.#tasks.has(id) || this.#pendingAssignment || this.#rebalancing) continue
      const t = await this.#p.manager.create(id)
      this.#tasks.set(id, t)
      for (const topic of t.positions.keys()) this.#byPartition.set(`${topic}:${t.task.partition}`, t)
      this.#o.logger.info(`task ${id} created`, { positions: Object.fromEntries(t.positions) })
    }
    if (!this.#pendingAssignment && !this.#rebalancing) this.#events.onRunning()
  }

  #forget(t: ActiveTask): void {
    this.#tasks.delete(t.id)
    for (const topic of t.positions.keys()) this.#byPartition.delete(`${topic}:${t.task.partition}`)
  }

  /** Abort (unless the commit outcome is unknown), close every task dirty, rebuild from the changelog. */
  async #recover(error: unknown): Promise<void> {
    this.#failures++
    const unknownOutcome = isPitwallError(error) && error.details.unknownOutcome === true
    const fenced = isPitwallError(error, ErrorCodes.PRODUCER_FENCED)
    this.#o.logger.error(`recovering from: ${describeError(error)}`, {
      fenced,
      unknownOutcome,
      attempt: this.#failures,
      cause: describeError((error as Error)?.cause),
    })
    await this.#p.collector.discard()
    if (fenced || unknownOutcome) await this.#p.committer.renew()
    else await this.#p.committer.abort()
    for (const t of [...this.#tasks.values()]) {
      await this.#p.manager.closeDirty(t)
      this.#forget(t)
    }
    await sleep(Math.min(5_000, 100 * 2 ** Math.min(this.#failures, 6)))
    if (!this.#pendingAssignment && this.#assignment) this.#pendingAssignment = this.#assignment
  }

  async #shutdown(): Promise<void> {
    try {
      if (this.#tasks.size > 0) await this.#commit()
      for (const t of [...this.#tasks.values()]) {
        await this.#p.manager.closeClean(t)
        this.#forget(t)
      }
    } catch (error) {
      this.#o.logger.error(`shutdown commit failed: ${describeError(error)}`)
      await this.#p.collector.discard()
      await this.#p.committer.abort().catch(() => {})
      for (const t of [...this.#tasks.values()]) {
        await this.#p.manager.closeDirty(t)
        this.#forget(t)
      }
    }
    this.#releaseBarrier()
  }
}
