/**
 * @module
 * Partition-level errors of a Fetch response. Leadership and metadata errors (a leader moved, a
 * topic still being created, a stale leader epoch) are retried per partition after a metadata
 * refresh, with backoff; the rest (authorization, corrupt records, unknown codes that the protocol
 * does not mark retriable) stop the worker with an error naming the partition, as the Java
 * consumer does. OFFSET_OUT_OF_RANGE is handled apart (`out-of-range.ts`).
 */
import { protocolErrors, protocolErrorsCodesById } from '@platformatic/kafka'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/** Retried after a metadata refresh, whatever the client's own table says. */
const RETRIABLE = new Set([
  'UNKNOWN_SERVER_ERROR',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_OR_FOLLOWER',
  'REQUEST_TIMED_OUT',
  'BROKER_NOT_AVAILABLE',
  'REPLICA_NOT_AVAILABLE',
  'KAFKA_STORAGE_ERROR',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'OFFSET_NOT_AVAILABLE',
  'PREFERRED_LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_ID',
  'INCONSISTENT_TOPIC_ID',
])
/** Never retried, although @platformatic/kafka marks some of them retriable (CORRUPT_MESSAGE). */
const FATAL = new Set(['CORRUPT_MESSAGE', 'TOPIC_AUTHORIZATION_FAILED', 'CLUSTER_AUTHORIZATION_FAILED'])

const FIRST_BACKOFF_MS = 100
const MAX_BACKOFF_MS = 2_000

/** How a partition error code is handled. */
export interface FetchErrorClass {
  /** Protocol name, e.g. `NOT_LEADER_OR_FOLLOWER` (`UNKNOWN_CODE_<n>` if the client has none). */
  readonly name: string
  readonly retriable: boolean
}

/**
 * Classifies a Fetch partition error code.
 *
 * @example
 * ```ts
 * classifyFetchError(6) // { name: 'NOT_LEADER_OR_FOLLOWER', retriable: true }
 * classifyFetchError(29) // { name: 'TOPIC_AUTHORIZATION_FAILED', retriable: false }
 * ```
 */
export function classifyFetchError(code: number): FetchErrorClass {
  const name = (protocolErrorsCodesById as Record<number, string>)[code] ?? `UNKNOWN_CODE_${code}`
  if (FATAL.has(name)) return { name, retriable: false }
  if (RETRIABLE.has(name)) return { name, retriable: true }
  const known = (protocolErrors as Record<string, { canRetry?: boolean }>)[name]
  return { name, retriable: known?.canRetry === true }
}

/**
 * The error a fatal partition error surfaces as.
 *
 * @example
 * ```ts
 * throw fetchError('telemetry', 3, 29) // PITWALL_FETCH: fetching telemetry-3 failed: TOPIC_AUTHORIZATION_FAILED ...
 * ```
 */
export function fetchError(topic: string, partition: number, code: number): PitwallError {
  const { name } = classifyFetchError(code)
  const known = (protocolErrors as Record<string, { message?: string }>)[name]
  return new PitwallError(
    ErrorCodes.FETCH,
    `fetching ${topic}-${partition} failed: ${name} (error code ${code}), not retriable${known?.message ? `: ${known.message}` : ''}`,
    { details: { topic, partition, errorCode: code, errorName: name } },
  )
}

/**
 * Per-partition backoff after retriable fetch errors: doubling from 100 ms to 2 s, reset by the
 * next successful fetch of the partition.
 *
 * @example
 * ```ts
 * const retries = new FetchRetries()
 * const attempt = retries.failed('in:0', Date.now())
 * if (!retries.ready('in:0', Date.now())) skipThisRound()
 * ```
 */
export class FetchRetries {
  readonly #state = new Map<string, { attempts: number; until: number }>()

  /** Records a failure of `key`; returns the attempt number (1 for the first). */
  failed(key: string, now: number): number {
    const attempts = (this.#state.get(key)?.attempts ?? 0) + 1
    const delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempts - 1))
    this.#state.set(key, { attempts, until: now + delay })
    return attempts
  }

  /** False while `key` is backing off. */
  ready(key: string, now: number): boolean {
    const s = this.#state.get(key)
    return s === undefined || now >= s.until
  }

  /** Milliseconds until `key` may be fetched again (0 when it may now). */
  waitMs(key: string, now: number): number {
    const s = this.#state.get(key)
    return s === undefined ? 0 : Math.max(0, s.until - now)
  }

  /** The partition fetched fine: forget its failures. */
  succeeded(key: string): void {
    this.#state.delete(key)
  }
}
