/**
 * @module
 * The processing loop of a worker: fetch (read-committed) for the active tasks, process each
 * partition's records in offset order, run wall-clock punctuators, and every commit interval
 * commit. Rebalances are fenced by a barrier: before the consumer rejoins, the loop commits and
 * pauses, then applies the new assignment (closing revoked tasks cleanly, restoring new ones).
 * Any failure of a commit aborts the open transaction (unless its outcome is unknown), closes the
 * tasks dirty and rebuilds them from the changelog at the committed offsets. A stop may come at
 * any moment (a SIGTERM): a restore under way is interrupted, and the loop ends by committing (or,
 * if that fails, aborting) and closing its tasks; {@link StreamThread.run} never rejects.
 */
import { describeError, ErrorCodes, isPitwallError, PitwallError } from '../../core/errors.ts'
import { ActiveTasks } from './active-tasks.ts'
import { type CommitParts, commitTasks } from './commit-tasks.ts'
import { FetchAhead } from './fetch-ahead.ts'
import { processFetched } from './fetched-records.ts'
import type { FetchPosition } from './fetcher.ts'
import type { ResolvedStreamsOptions } from './options.ts'
import { PartitionErrors } from './partition-errors.ts'
import { ProgressLog } from './progress-log.ts'
import type { RepartitionPurger } from './repartition-purger.ts'
import { isRestoreInterrupted } from './state-restorer.ts'
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
  #tasks = new ActiveTasks()
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
  #failure: unknown

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
    return this.#tasks.byId
  }

  /** Set when the loop could not end cleanly (the abort or the dirty close itself failed). */
  get failure(): unknown {
    return this.#failure
  }

  /** Task ids owned right now (sent as subscription user data for sticky assignment). */
  ownedTaskIds(): string[] {
    return this.#tasks.ids()
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

  /**
   * Runs until {@link stop}; commits and closes the tasks cleanly on the way out. Never rejects: a
   * failure of the way out itself is logged and kept in {@link failure}.
   */
  async run(): Promise<void> {
    try {
      if (await this.#loop()) await this.#shutdown()
    } catch (error) {
      this.#stopping = true
      this.#failed('the stream thread failed to end cleanly', error)
    } finally {
      this.#releaseBarrier()
    }
  }

  /** The loop; false when it ended on a fatal error (tasks already dropped). */
  async #loop(): Promise<boolean> {
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
        if (this.#stopping && isRestoreInterrupted(error)) break
        if (FATAL.some((code) => isPitwallError(error, code))) {
          await this.#dropAll()
          this.#releaseBarrier()
          this.#events.onFatal(error)
          return false
        }
        await this.#recover(error)
      }
    }
    return true
  }

  /** Asks the loop to finish: commit, close tasks cleanly. */
  stop(): void {
    this.#stopping = true
  }

  async #iteration(): Promise<void> {
    const positions: FetchPosition[] = []
    for (const t of this.#tasks.list()) {
      for (const [topic, offset] of t.positions) {
        if (this.#partitionErrors.ready(topic, t.task.partition))
          positions.push({ topic, partition: t.task.partition, offset })
      }
    }
    if (positions.length === 0) {
      await sleep(50)
    } else {
      const fetched = await this.#fetcher.fetch(positions)
      const positionOf = (topic: string, partition: number) => this.#tasks.at(topic, partition)?.positions.get(topic)
      for (const move of await this.#partitionErrors.handle(fetched, positionOf)) {
        this.#tasks.at(move.topic, move.partition)?.positions.set(move.topic, move.offset)
      }
      const paused = () => this.#rebalancing || this.#stopping
      this.#progress.records += await processFetched(fetched, this.#tasks, this.#p.guard, paused)
    }
    const now = Date.now()
    if (now - this.#lastPunctuate >= this.#o.punctuateIntervalMs) {
      this.#lastPunctuate = now
      for (const t of this.#tasks.list()) await t.task.punctuate(now)
    }
    if (this.#p.collector.size >= SEND_AHEAD) await this.#p.collector.sendAhead(this.#p.committer.sink)
    else await this.#p.collector.linger(this.#p.committer.sink, this.#o.lingerMs)
    if (now - this.#lastCommit >= this.#o.commitIntervalMs) await this.#commit()
  }

  async #commit(): Promise<void> {
    const tasks = this.#tasks.list()
    const committed = await commitTasks(tasks, this.#p)
    await this.#p.manager.applyCommitted(tasks, this.#p.committer.takeCommittedWrites())
    if (committed > 0) this.#progress.commits++
    this.#p.purger?.afterCommit(tasks)
    this.#progress.report(tasks)
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
    for (const t of this.#tasks.list()) {
      if (wanted.has(t.id)) continue
      await this.#p.manager.closeClean(t)
      this.#tasks.forget(t)
      this.#o.logger.info(`task ${t.id} revoked and closed cleanly`)
    }
    const stopping = () => this.#stopping
    for (const id of taskIds) {
      if (this.#tasks.has(id) || this.#pendingAssignment || this.#rebalancing || this.#stopping) continue
      const t = await this.#p.manager.create(id, stopping)
      this.#tasks.add(t)
      this.#o.logger.info(`task ${id} created`, { positions: Object.fromEntries(t.positions) })
    }
    if (!this.#pendingAssignment && !this.#rebalancing && !this.#stopping) this.#events.onRunning()
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
    await this.#dropAll(fenced || unknownOutcome)
    if (this.#stopping) return
    await sleep(Math.min(5_000, 100 * 2 ** Math.min(this.#failures, 6)))
    if (!this.#pendingAssignment && this.#assignment) this.#pendingAssignment = this.#assignment
  }

  /**
   * Drops buffered records, ends the open transaction (abort, or a new producer when its outcome
   * is unknown) and closes every task dirty. Each step runs even if an earlier one failed.
   */
  async #dropAll(renew = false): Promise<void> {
    await this.#p.collector.discard()
    try {
      await (renew ? this.#p.committer.renew() : this.#p.committer.abort())
    } catch (error) {
      this.#failed('ending the open transaction failed', error)
    }
    for (const t of this.#tasks.list()) {
      await this.#p.manager.closeDirty(t)
      this.#tasks.forget(t)
    }
  }

  /** Logs a failure of the way out; once stopping, it also makes close() fail (no retry comes). */
  #failed(what: string, error: unknown): void {
    if (this.#stopping) {
      this.#failure ??= new PitwallError(ErrorCodes.RUNTIME_STATE, `${what}: ${describeError(error)}`, { cause: error })
    }
    this.#o.logger.error(`${what}: ${describeError(error)}`, { cause: describeError((error as Error)?.cause) })
  }

  /** Commit and close cleanly; if that fails, abort and close dirty (the next owner restores). */
  async #shutdown(): Promise<void> {
    try {
      if (this.#tasks.size > 0) await this.#commit()
      for (const t of this.#tasks.list()) {
        await this.#p.manager.closeClean(t)
        this.#tasks.forget(t)
      }
    } catch (error) {
      this.#o.logger.error(`shutdown commit failed, aborting: ${describeError(error)}`, {
        cause: describeError((error as Error)?.cause),
      })
      await this.#dropAll()
    }
  }
}
