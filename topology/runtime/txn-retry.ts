/**
 * @module
 * How transactional requests are retried. A coordinator that is busy with this producer's previous
 * transaction (its EndTxn returns once PrepareCommit is logged; the markers for every partition are
 * written afterwards, and meanwhile AddPartitionsToTxn / AddOffsetsToTxn answer
 * CONCURRENT_TRANSACTIONS), still loading, or moving is retried every few milliseconds until a
 * deadline, as the Java producer does (KAFKA-5477: 20 ms). Network failures back off exponentially,
 * so a dead broker is not polled at that pace.
 */
import { isNetworkError, protocolErrorNames } from './kafka-errors.ts'

/** Errors that only say "ask again shortly": the request had no effect. */
export const COORDINATOR_BUSY: readonly string[] = [
  'CONCURRENT_TRANSACTIONS',
  'COORDINATOR_LOAD_IN_PROGRESS',
  'COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR',
]

/** Delay between attempts while the coordinator is busy (Java: 20 ms for AddPartitionsToTxn). */
export const BUSY_RETRY_MS = 20
/** First delay after a network or other retriable error; doubles per attempt up to {@link MAX_BACKOFF_MS}. */
export const BASE_BACKOFF_MS = 100
export const MAX_BACKOFF_MS = 1_000

/**
 * True when `error` carries protocol errors and all of them are in `codes` (default
 * {@link COORDINATOR_BUSY}), with no network failure among them.
 *
 * @example
 * ```ts
 * if (isCoordinatorBusy(e)) await sleep(BUSY_RETRY_MS)
 * ```
 */
export function isCoordinatorBusy(error: unknown, codes: readonly string[] = COORDINATOR_BUSY): boolean {
  const names = protocolErrorNames(error)
  return names.size > 0 && [...names].every((n) => codes.includes(n)) && !isNetworkError(error)
}

/**
 * The client's `retryDelay` (called with the attempt about to be made, from 1): busy coordinator
 * errors {@link BUSY_RETRY_MS}, anything else {@link BASE_BACKOFF_MS} doubling to {@link MAX_BACKOFF_MS}.
 *
 * @example
 * ```ts
 * new Producer({ retries: 5, retryDelay: (_client, _op, attempt, _retries, error) => transactionalRetryDelay(attempt, error) })
 * ```
 */
export function transactionalRetryDelay(attempt: number, error: unknown): number {
  if (isCoordinatorBusy(error)) return BUSY_RETRY_MS
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1))
}

/** How {@link retryWhileBusy} retries. */
export interface BusyRetryOptions {
  /** Gives up (rethrows the last error) once this much time has passed since the first attempt. */
  readonly deadlineMs: number
  /** Error names treated as busy (default {@link COORDINATOR_BUSY}). */
  readonly codes?: readonly string[]
  /** Called before each retry (logging). */
  readonly onRetry?: (attempt: number, error: unknown) => void
  /** Runs between attempts (e.g. cancel a half-begun transaction). */
  readonly beforeRetry?: () => void
  readonly sleep?: (ms: number) => Promise<void>
  readonly now?: () => number
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/**
 * Runs `operation` until it succeeds, retrying every {@link BUSY_RETRY_MS} while it fails only
 * with busy-coordinator errors and the deadline has not passed; any other error is thrown at once.
 *
 * @example
 * ```ts
 * await retryWhileBusy(() => txn.addPartitions(metadata, messages), { deadlineMs: 10_000 })
 * ```
 */
export async function retryWhileBusy<T>(operation: () => Promise<T>, options: BusyRetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep
  const now = options.now ?? Date.now
  const start = now()
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation()
    } catch (error) {
      if (!isCoordinatorBusy(error, options.codes) || now() - start + BUSY_RETRY_MS > options.deadlineMs) throw error
      options.onRetry?.(attempt, error)
      options.beforeRetry?.()
      await sleep(BUSY_RETRY_MS)
    }
  }
}
