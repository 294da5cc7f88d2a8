/**
 * @module
 * Creates, restores and closes the tasks of a worker. A new task is restored from its changelogs
 * before it processes anything and starts at the group's stable committed offsets; a task closed
 * cleanly (after a commit) leaves a checkpoint file, one closed dirty (crash path, fencing, abort)
 * leaves none. Under exactly-once each task also gets store transactions: its LevelDB stores keep
 * their writes pending until {@link TaskManager.applyCommitted} (after EndTxn), which writes them
 * with each store's changelog checkpoint, so a crash restores them incrementally.
 */
import { join } from 'node:path'
import type { Consumer } from '@platformatic/kafka'
import { StoreTransactions } from '../../stores/internals/store-transactions.ts'
import type { RunnableTopology, StreamTask } from '../internals/runnable.ts'
import type { TransactionalTaskContext } from '../internals/task/stream-task.ts'
import { deleteCheckpoint, writeCheckpoint } from './checkpoint.ts'
import { stableCommittedOffsets } from './committed-offsets.ts'
import { loggingHandler } from './error-handlers.ts'
import type { ResolvedStreamsOptions } from './options.ts'
import { type BufferedCollector, changelogWriter } from './record-collector.ts'
import { type RestoreProgress, restoreTask } from './state-restorer.ts'
import { parseTaskId } from './task-id.ts'

/** A running task with its consumption state. */
export interface ActiveTask {
  readonly id: string
  readonly task: StreamTask
  readonly taskDir: string
  /** Store -> physical changelog topic. */
  readonly changelogs: ReadonlyMap<string, string>
  /** Physical source topic -> next offset to fetch. */
  readonly positions: Map<string, bigint>
  /** Physical source topic -> next offset after the last processed record. */
  readonly consumed: Map<string, bigint>
  /** Physical source topic -> last committed next-offset. */
  readonly committed: Map<string, bigint>
  /** Exactly-once: the task's LevelDB stores, applied after each committed transaction. */
  readonly storeTransactions?: StoreTransactions
}

/** What the task manager works with. */
export interface TaskManagerDeps {
  readonly runnable: RunnableTopology
  readonly options: ResolvedStreamsOptions
  readonly name: (logical: string) => string
  readonly collector: BufferedCollector
  readonly consumer: Consumer
  readonly restoreConsumer: Consumer
  readonly onRestore: (progress: RestoreProgress) => void
}

/**
 * Builds and tears down tasks.
 *
 * @example
 * ```ts
 * const manager = new TaskManager(deps)
 * const active = await manager.create('0_1')
 * await manager.closeClean(active)
 * ```
 */
export class TaskManager {
  #deps: TaskManagerDeps

  constructor(deps: TaskManagerDeps) {
    this.#deps = deps
  }

  /**
   * Creates, restores and positions a task; `stopping` interrupts the restore. If any step fails,
   * the task is closed dirty (its stores released) before the error is rethrown.
   */
  async create(id: string, stopping?: () => boolean): Promise<ActiveTask> {
    const { runnable, options: o, name, collector } = this.#deps
    const parsed = parseTaskId(id)!
    const sub = runnable.subtopologies.find((s) => s.id === parsed.subtopology)!
    const taskDir = join(o.stateDir, o.applicationId, id)
    const changelogs = new Map([...sub.changelogTopics].map(([store, topic]) => [store, name(topic)]))
    const storeTransactions =
      o.processingGuarantee === 'exactly_once_v2'
        ? new StoreTransactions(
            new Map([...changelogs].map(([store, topic]) => [store, `${topic}:${parsed.partition}`])),
          )
        : undefined
    const context: TransactionalTaskContext = {
      applicationId: o.applicationId,
      taskDir,
      collector,
      changelog: changelogWriter(
        collector,
        (store) => changelogs.get(store) ?? name(`${store}-changelog`),
        parsed.partition,
      ),
      deserializationErrorHandler: loggingHandler(o.deserializationErrorHandler, 'deserialization', o),
      processingErrorHandler: loggingHandler(o.processingErrorHandler, 'processing', o),
      ...(o.deadLetterTopic ? { deadLetterTopic: o.deadLetterTopic } : {}),
      wallClock: Date.now,
      topicName: name,
      ...(storeTransactions ? { storeTransactions } : {}),
    }
    const task = runnable.createTask(parsed.subtopology, parsed.partition, context)
    try {
      // Start offsets first: reading them stable waits until no transaction with offsets of this
      // task is pending, so the changelogs' last stable offsets read by the restore then include
      // that transaction too. Restoring first could stop before a committed transaction whose
      // markers were not written yet (a broker restart) while the offsets already follow it.
      const sources = sub.sourceTopics.map(name)
      const positions = await this.#startOffsets(sources, parsed.partition)
      await restoreTask({
        task,
        taskDir,
        changelogs,
        consumer: this.#deps.restoreConsumer,
        batchSize: o.restoreBatchSize,
        onProgress: this.#deps.onRestore,
        ...(storeTransactions ? { storeTransactions } : {}),
        ...(stopping ? { stopping } : {}),
      })
      // From here on the local state diverges from any checkpoint until the next clean close.
      if (o.processingGuarantee === 'exactly_once_v2') await deleteCheckpoint(taskDir)
      await task.initialize()
      const active = { id, task, taskDir, changelogs, positions, consumed: new Map(), committed: new Map(positions) }
      return storeTransactions ? { ...active, storeTransactions } : active
    } catch (error) {
      // Open LevelDB stores hold their lock: a retry could not reopen them.
      await task
        .close(false)
        .catch((e: unknown) => o.logger.warn(`task ${id}: close after a failed create failed`, { error: String(e) }))
      throw error
    }
  }

  /**
   * Exactly-once, after a commit succeeded (EndTxn): writes each LevelDB store's pending writes
   * down with its checkpoint; a failure here closes the tasks dirty, their old checkpoints stay. `written`: changelog `topic:partition` -> offset after the transaction's last record.
   */
  async applyCommitted(tasks: readonly ActiveTask[], written: ReadonlyMap<string, bigint>): Promise<void> {
    for (const t of tasks) await t.storeTransactions?.commit(written)
  }

  async #startOffsets(topics: string[], partition: number): Promise<Map<string, bigint>> {
    const { consumer, options } = this.#deps
    const committed = await stableCommittedOffsets(
      consumer,
      topics.map((topic) => ({ topic, partition })),
      options.transactionTimeoutMs * 3,
    )
    const positions = new Map<string, bigint>()
    const reset = topics.filter((t) => (committed.get(`${t}:${partition}`) ?? -1n) < 0n)
    const resetOffsets =
      reset.length > 0
        ? await consumer.listOffsets({
            topics: reset,
            partitions: Object.fromEntries(reset.map((t) => [t, [partition]])),
            timestamp: options.autoOffsetReset === 'earliest' ? -2n : -1n,
          })
        : new Map<string, bigint[]>()
    for (const t of topics) {
      const c = committed.get(`${t}:${partition}`) ?? -1n
      positions.set(t, c >= 0n ? c : resetOffsets.get(t)![partition]!)
    }
    return positions
  }

  /** Closes a task after a successful commit and checkpoints its stores. */
  async closeClean(active: ActiveTask): Promise<void> {
    await active.task.close(true)
    const topics = [...new Set(active.changelogs.values())]
    if (topics.length === 0) return
    const partition = active.task.partition
    const ends = await this.#deps.restoreConsumer.listOffsets({
      topics,
      partitions: Object.fromEntries(topics.map((t) => [t, [partition]])),
      isolationLevel: 1,
    })
    await writeCheckpoint(active.taskDir, new Map(topics.map((t) => [`${t}:${partition}`, ends.get(t)![partition]!])))
  }

  /** Writes a checkpoint of a live task (at-least-once, after a commit). */
  async checkpoint(active: ActiveTask): Promise<void> {
    const topics = [...new Set(active.changelogs.values())]
    if (topics.length === 0) return
    const partition = active.task.partition
    const ends = await this.#deps.restoreConsumer.listOffsets({
      topics,
      partitions: Object.fromEntries(topics.map((t) => [t, [partition]])),
    })
    await writeCheckpoint(active.taskDir, new Map(topics.map((t) => [`${t}:${partition}`, ends.get(t)![partition]!])))
  }

  /** Closes a task without flushing; its local state is suspect and will be restored. */
  async closeDirty(active: ActiveTask): Promise<void> {
    try {
      await active.task.close(false)
    } catch (error) {
      this.#deps.options.logger.warn(`task ${active.id}: dirty close failed`, { error: String(error) })
    }
    await deleteCheckpoint(active.taskDir)
  }
}
