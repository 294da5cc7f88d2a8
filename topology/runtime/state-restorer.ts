/**
 * @module
 * Rebuilds a task's stores from their changelog topics before the task processes anything.
 * Restoration reads committed records only, up to the last stable offset, in large `restoreBatch`
 * calls. Where to start: at-least-once, the task's checkpoint file decides for all its stores
 * (its offsets when inside the changelog's current range, else the task directory is wiped).
 * Exactly-once, each LevelDB store's own checkpoint decides for it (see the runtime README,
 * "State"): from its offset when inside the range, else that store alone is wiped; an unlogged
 * LevelDB store survives only a clean close (the checkpoint file). Memory stores always restore
 * from the beginning. A stop (SIGTERM) interrupts a restore between batches: under exactly-once
 * each batch moved its store's checkpoint, so the next start resumes there.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Consumer } from '@platformatic/kafka'
import { ErrorCodes, isPitwallError, PitwallError } from '../../core/errors.ts'
import type { ChangelogRecord } from '../../stores/api.ts'
import { readStoreCheckpoint } from '../../stores/internals/level-checkpoint.ts'
import type { StoreTransactions } from '../../stores/internals/store-transactions.ts'
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
  /** Exactly-once: the task's store transactions (per-store checkpoints). */
  readonly storeTransactions?: StoreTransactions
  /** True once the worker is stopping: the restore gives up between batches. */
  readonly stopping?: () => boolean
}

/**
 * Whether `error` is a restore given up because the worker is stopping.
 *
 * @example
 * ```ts
 * if (stopping && isRestoreInterrupted(error)) return // not a failure: shut down
 * ```
 */
export function isRestoreInterrupted(error: unknown): boolean {
  return isPitwallError(error, ErrorCodes.STORE_RESTORE) && error.details.interrupted === true
}

function interrupted(task: StreamTask, store: string, restored: number): PitwallError {
  return new PitwallError(ErrorCodes.STORE_RESTORE, `task ${task.id}: restore of '${store}' interrupted by a stop`, {
    details: { interrupted: true, store, restored },
  })
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

const SETTLE_ATTEMPTS = 40
const SETTLE_WAIT_MS = 250

/**
 * The changelog ranges once every store checkpoint lies inside them. A checkpoint past the last
 * stable offset names a transaction that committed (EndTxn answered) but whose markers the
 * coordinator has not written yet, e.g. just after a broker restart: wait for them (up to 10 s)
 * rather than wiping a store that is only ahead of the broker's bookkeeping.
 */
async function settledRanges(
  request: RestoreRequest,
  topics: string[],
  checkpoints: ReadonlyMap<string, bigint>,
): Promise<Map<string, Range>> {
  const { task, changelogs, consumer } = request
  for (let attempt = 1; ; attempt++) {
    const ranges = await changelogRanges(consumer, topics, task.partition)
    const behind = [...checkpoints].some(([store, offset]) => offset > ranges.get(changelogs.get(store)!)!.end)
    if (!behind || attempt >= SETTLE_ATTEMPTS || request.stopping?.()) return ranges
    await new Promise((r) => setTimeout(r, SETTLE_WAIT_MS))
  }
}

/** Each logged persistent store's own checkpoint offset, when it names this task's changelog partition. */
async function ownCheckpoints({ task, taskDir, changelogs }: RestoreRequest): Promise<Map<string, bigint>> {
  const offsets = new Map<string, bigint>()
  for (const [name, store] of task.stores) {
    const topic = changelogs.get(name)
    if (!store.persistent || topic === undefined) continue
    const checkpoint = await readStoreCheckpoint(join(taskDir, name))
    if (checkpoint?.changelog === `${topic}:${task.partition}`) offsets.set(name, checkpoint.offset)
  }
  return offsets
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
  const { task, changelogs, consumer, storeTransactions: transactions } = request
  const topics = [...new Set(changelogs.values())]
  // each store's own checkpoint is read once: to wait for the LSO to reach it, then to start from it
  const checkpoints = transactions === undefined ? new Map<string, bigint>() : await ownCheckpoints(request)
  const ranges =
    topics.length === 0
      ? new Map<string, Range>()
      : transactions === undefined
        ? await changelogRanges(consumer, topics, task.partition)
        : await settledRanges(request, topics, checkpoints)
  const key = (topic: string) => `${topic}:${task.partition}`
  const starts =
    transactions === undefined
      ? await startsFromTaskCheckpoint(request, ranges)
      : await startsFromStoreCheckpoints(request, ranges, checkpoints)
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
    const start = starts.get(storeName)
    const fromCheckpoint = start !== undefined
    let position = start ?? range.start
    const total = Number(range.end - position)
    let restored = 0
    const progress = (done: boolean) =>
      request.onProgress({ taskId: task.id, store: storeName, changelog: topic, restored, total, done, fromCheckpoint })
    progress(false)
    const persistent = transactions !== undefined && store.persistent
    if (persistent) transactions.restoring = true
    let batch: ChangelogRecord[] = []
    // One fetch ahead: the broker reads the next chunk while LevelDB writes this one.
    const fetcher = new FetchAhead(consumer, {
      maxWaitMs: 500,
      maxBytesPerPartition: 16 * 1024 * 1024,
      readCommitted: true,
    })
    while (position < range.end) {
      if (request.stopping?.()) throw interrupted(task, storeName, restored)
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
        // Restored records are committed ones: the store reflects its changelog below here.
        if (persistent) await transactions.restored(storeName, earlier(position, range.end))
        progress(false)
      }
    }
    if (batch.length > 0) {
      await store.restoreBatch(batch)
      restored += batch.length
    }
    if (persistent) {
      await transactions.restored(storeName, range.end)
      transactions.restoring = false
    }
    reached.set(key(topic), range.end)
    progress(true)
  }
  return reached
}

function inRange(offset: bigint | undefined, range: Range | undefined): offset is bigint {
  return offset !== undefined && range !== undefined && offset >= range.start && offset <= range.end
}

/** At-least-once: the task's checkpoint file for every persistent store, or a wipe of the task directory. */
async function startsFromTaskCheckpoint(
  { task, taskDir, changelogs }: RestoreRequest,
  ranges: ReadonlyMap<string, Range>,
): Promise<Map<string, bigint>> {
  const checkpoint = await readCheckpoint(taskDir)
  const at = (topic: string) => checkpoint?.get(`${topic}:${task.partition}`)
  const valid = checkpoint !== undefined && [...changelogs.values()].every((t) => inRange(at(t), ranges.get(t)))
  if (!valid) await rm(taskDir, { recursive: true, force: true })
  const starts = new Map<string, bigint>()
  for (const [store, topic] of changelogs)
    if (valid && task.stores.get(store)?.persistent) starts.set(store, at(topic)!)
  return starts
}

/**
 * Exactly-once: each LevelDB store's own checkpoint, read before the store opens; a store without
 * a usable one is wiped alone. Unlogged LevelDB stores are kept only after a clean close.
 */
async function startsFromStoreCheckpoints(
  { task, taskDir, changelogs }: RestoreRequest,
  ranges: ReadonlyMap<string, Range>,
  checkpoints: ReadonlyMap<string, bigint>,
): Promise<Map<string, bigint>> {
  const clean = (await readCheckpoint(taskDir)) !== undefined
  const starts = new Map<string, bigint>()
  for (const [name, store] of task.stores) {
    if (!store.persistent) continue
    const dir = join(taskDir, name)
    const topic = changelogs.get(name)
    if (topic === undefined) {
      if (!clean) await rm(dir, { recursive: true, force: true })
      continue
    }
    const offset = checkpoints.get(name)
    if (inRange(offset, ranges.get(topic))) starts.set(name, offset)
    else await rm(dir, { recursive: true, force: true })
  }
  return starts
}

/** The smaller of two offsets. */
function earlier(a: bigint, b: bigint): bigint {
  return a < b ? a : b
}
