/**
 * @module
 * Rebuilds a task's stores from their changelog topics before the task processes anything. The
 * checkpoint decides where to start: from its offsets when they lie inside the changelog's current
 * range, else the local state is wiped and restored from the beginning. Restoration reads
 * committed records only, up to the last stable offset, in large `restoreBatch` calls.
 */
import { rm } from 'node:fs/promises'
import type { Consumer } from '@platformatic/kafka'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { ChangelogRecord } from '../../stores/api.ts'
import type { StreamTask } from '../internals/runnable.ts'
import { readCheckpoint } from './checkpoint.ts'
import { FetchAhead } from './fetch-ahead.ts'

/** Progress of one store's restoration. */
export interface RestoreProgress {
  readonly taskId: string
  readonly store: string
  readonly changelog: string
  readonly restored: number
  readonly total: number
  readonly done: boolean
  readonly fromCheckpoint: boolean
}

/** What restoring a task needs. */
export interface RestoreRequest {
  readonly task: StreamTask
  readonly taskDir: string
  /** Store name -> physical changelog topic. */
  readonly changelogs: ReadonlyMap<string, string>
  readonly consumer: Consumer
  readonly batchSize: number
  readonly onProgress: (progress: RestoreProgress) => void
}

interface Range {
  readonly start: bigint
  readonly end: bigint
}

async function changelogRanges(consumer: Consumer, topics: string[], partition: number): Promise<Map<string, Range>> {
  const partitions = Object.fromEntries(topics.map((t) => [t, [partition]]))
  const earliest = await consumer.listOffsets({ topics, partitions, timestamp: -2n })
  const stable = await consumer.listOffsets({ topics, partitions, isolationLevel: 1 })
  return new Map(topics.map((t) => [t, { start: earliest.get(t)![partition]!, end: stable.get(t)![partition]! }]))
}

/**
 * Opens the task's stores and restores them; returns the changelog end offsets reached, keyed
 * `topic:partition` (the task's new checkpoint).
 *
 * @example
 * ```ts
 * const reached = await restoreTask({ task, taskDir, changelogs, consumer, batchSize: 50_000, onProgress: log })
 * ```
 */
export async function restoreTask(request: RestoreRequest): Promise<Map<string, bigint>> {
  const { task, taskDir, changelogs, consumer } = request
  const topics = [...new Set(changelogs.values())]
  const ranges = topics.length > 0 ? await changelogRanges(consumer, topics, task.partition) : new Map<string, Range>()
  const checkpoint = await readCheckpoint(taskDir)
  const key = (topic: string) => `${topic}:${task.partition}`
  const fromCheckpoint =
    checkpoint !== undefined &&
    topics.every((t) => {
      const at = checkpoint.get(key(t))
      const range = ranges.get(t)!
      return at !== undefined && at >= range.start && at <= range.end
    })
  if (!fromCheckpoint) await rm(taskDir, { recursive: true, force: true })
  await task.openStores()
  const reached = new Map<string, bigint>()
  for (const [storeName, topic] of changelogs) {
    const store = task.stores.get(storeName)
    if (!store) {
      throw new PitwallError(
        ErrorCodes.STORE_RESTORE,
        `task ${task.id}: store '${storeName}' has a changelog but no store`,
      )
    }
    const range = ranges.get(topic)!
    let position = fromCheckpoint ? checkpoint!.get(key(topic))! : range.start
    const total = Number(range.end - position)
    let restored = 0
    const progress = (done: boolean) =>
      request.onProgress({ taskId: task.id, store: storeName, changelog: topic, restored, total, done, fromCheckpoint })
    progress(false)
    let batch: ChangelogRecord[] = []
    // One fetch ahead: the broker reads the next chunk while LevelDB writes this one.
    const fetcher = new FetchAhead(consumer, {
      maxWaitMs: 500,
      maxBytesPerPartition: 16 * 1024 * 1024,
      readCommitted: true,
    })
    while (position < range.end) {
      const [fetched] = await fetcher.fetch([{ topic, partition: task.partition, offset: position }])
      if (fetched?.errorCode !== 0) {
        throw new PitwallError(ErrorCodes.STORE_RESTORE, `task ${task.id}: cannot fetch changelog ${key(topic)}`, {
          details: { errorCode: fetched?.errorCode },
        })
      }
      for (const r of fetched.records) {
        if (BigInt(r.offset) >= range.end) break
        if (r.key !== null) batch.push({ key: r.key, value: r.value, timestamp: r.timestamp })
      }
      position = fetched.nextOffset
      if (batch.length >= request.batchSize || position >= range.end) {
        await store.restoreBatch(batch)
        restored += batch.length
        batch = []
        progress(false)
      }
    }
    if (batch.length > 0) {
      await store.restoreBatch(batch)
      restored += batch.length
    }
    reached.set(key(topic), range.end)
    progress(true)
  }
  return reached
}
