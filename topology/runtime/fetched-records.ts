/**
 * @module
 * Processing what one fetch returned: each partition's records in offset order through the task
 * that reads it, under the production guard (which attributes produced records to their source),
 * then the task's positions move past them. A pause (rebalance, stop) leaves the rest of a
 * partition's records for the next fetch.
 */
import { describeError, ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { ConsumedRecord } from '../internals/runnable.ts'
import type { ActiveTasks } from './active-tasks.ts'
import type { FetchedPartition } from './fetcher.ts'
import type { ProductionGuard } from './production-guard.ts'
import type { ActiveTask } from './task-manager.ts'

/**
 * Processes fetched partitions; returns how many records were processed. An error escaping a
 * task's `process` (its handler answered 'fail', or the topology threw outside of the handlers)
 * is a PROCESSING error naming the record, which stops the worker.
 *
 * @example
 * ```ts
 * progress.records += await processFetched(fetched, tasks, guard, () => rebalancing || stopping)
 * ```
 */
export async function processFetched(
  fetched: readonly FetchedPartition[],
  tasks: ActiveTasks,
  guard: ProductionGuard,
  paused: () => boolean,
): Promise<number> {
  let total = 0
  for (const part of fetched) {
    const at = tasks.at(part.topic, part.partition)
    if (!at || part.errorCode !== 0) continue
    let next = -1
    for (const record of part.records) {
      if (paused()) break
      await processRecord(at, record, guard)
      next = record.offset + 1
      total++
    }
    if (next >= 0) {
      at.positions.set(part.topic, BigInt(next))
      at.consumed.set(part.topic, BigInt(next))
    }
    if (!paused()) at.positions.set(part.topic, part.nextOffset)
  }
  return total
}

async function processRecord(at: ActiveTask, record: ConsumedRecord, guard: ProductionGuard): Promise<void> {
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
