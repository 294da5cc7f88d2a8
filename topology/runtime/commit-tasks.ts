/**
 * @module
 * One commit of a worker's tasks, in the order the exactly-once protocol needs: every task's
 * `commit()` first (caches flush into the stores and forward downstream, so their outputs and
 * changelog records join this transaction), then all buffered records are sent and acknowledged,
 * then the consumed offsets go into the transaction (or the group, at-least-once) and it commits.
 */
import type { Consumer } from '@platformatic/kafka'
import type { Committer, OffsetToCommit } from './committer.ts'
import type { ProductionGuard } from './production-guard.ts'
import type { BufferedCollector } from './record-collector.ts'
import type { ActiveTask } from './task-manager.ts'

/** What a commit works with. */
export interface CommitParts {
  readonly collector: BufferedCollector
  readonly committer: Committer
  readonly consumer: Consumer
  readonly guard: ProductionGuard
}

/**
 * Commits `tasks`; returns how many input partitions had new offsets.
 *
 * @example
 * ```ts
 * const committed = await commitTasks(tasks.values(), { collector, committer, consumer, guard })
 * ```
 */
export async function commitTasks(tasks: readonly ActiveTask[], parts: CommitParts): Promise<number> {
  for (const t of tasks) {
    parts.guard.taskId = t.id
    await t.task.commit()
  }
  parts.guard.raise()
  await parts.collector.flush(parts.committer.sink)
  const offsets: OffsetToCommit[] = []
  for (const t of tasks) {
    for (const [topic, offset] of t.consumed) {
      if (t.committed.get(topic) !== offset) offsets.push({ topic, partition: t.task.partition, offset })
    }
  }
  await parts.committer.commit(offsets, parts.consumer)
  for (const t of tasks) for (const [topic, offset] of t.consumed) t.committed.set(topic, offset)
  return offsets.length
}
