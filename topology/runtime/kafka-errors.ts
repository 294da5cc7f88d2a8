/**
 * @module
 * Classifies @platformatic/kafka errors by the Kafka protocol error names they carry (nested in
 * MultipleErrors / ResponseError), which is what the commit protocol decides on: fenced, lost
 * membership, or retriable.
 */

/**
 * The protocol error names (e.g. `PRODUCER_FENCED`) found anywhere inside `error`.
 *
 * @example
 * ```ts
 * if (protocolErrorNames(e).has('OFFSET_OUT_OF_RANGE')) resetOffsets()
 * ```
 */
export function protocolErrorNames(error: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (!error || typeof error !== 'object' || depth > 6) return found
  const e = error as { apiId?: unknown; errors?: unknown; cause?: unknown }
  if (typeof e.apiId === 'string') found.add(e.apiId)
  if (Array.isArray(e.errors)) for (const inner of e.errors) protocolErrorNames(inner, found, depth + 1)
  if (e.cause) protocolErrorNames(e.cause, found, depth + 1)
  return found
}

const FENCED = [
  'PRODUCER_FENCED',
  'INVALID_PRODUCER_EPOCH',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
  'FENCED_INSTANCE_ID',
]
const MEMBERSHIP = ['ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID', 'REBALANCE_IN_PROGRESS', 'FENCED_MEMBER_EPOCH']

/**
 * True when the producer was fenced by a newer instance with the same transactional id.
 *
 * @example
 * ```ts
 * if (isFencedError(e)) closeTasksDirty()
 * ```
 */
export function isFencedError(error: unknown): boolean {
  const names = protocolErrorNames(error)
  return FENCED.some((n) => names.has(n))
}

/**
 * True when the consumer's group generation is no longer valid (the tasks migrated).
 *
 * @example
 * ```ts
 * if (isMembershipError(e)) abortAndRejoin()
 * ```
 */
export function isMembershipError(error: unknown): boolean {
  const names = protocolErrorNames(error)
  return MEMBERSHIP.some((n) => names.has(n))
}

/**
 * True for network-level failures (broker down, timeouts), after which the outcome of a request is unknown.
 *
 * @example
 * ```ts
 * if (isNetworkError(e)) await backoff()
 * ```
 */
export function isNetworkError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false
  const e = error as { code?: unknown; errors?: unknown; cause?: unknown }
  if (e.code === 'PLT_KFK_NETWORK' || e.code === 'PLT_KFK_TIMEOUT') return true
  if (Array.isArray(e.errors) && e.errors.some((inner) => isNetworkError(inner, depth + 1))) return true
  return isNetworkError(e.cause, depth + 1)
}

const REJECTED = [
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'INVALID_TIMESTAMP',
  'CORRUPT_MESSAGE',
]

/**
 * True when the broker rejected records themselves: retrying the same batch cannot succeed.
 *
 * @example
 * ```ts
 * if (isRecordRejection(e)) stopWorker()
 * ```
 */
export function isRecordRejection(error: unknown): boolean {
  const names = protocolErrorNames(error)
  return REJECTED.some((n) => names.has(n))
}
