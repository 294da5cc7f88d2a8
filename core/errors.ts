/**
 * @module
 * The one errors module of Pitwall: every failure is a {@link PitwallError} with a stable code
 * from {@link ErrorCodes}, a message that says what was wrong and where, and the `cause`.
 * Build-time (DSL misuse), runtime (processing, broker), store and config errors stay distinct by
 * their code prefix.
 */

/** Stable error codes. Add codes here; never rename one that has shipped. */
export const ErrorCodes = {
  // configuration
  CONFIG_INVALID: 'PITWALL_CONFIG_INVALID',
  CONFIG_UNKNOWN_KEY: 'PITWALL_CONFIG_UNKNOWN_KEY',
  // DSL / topology building
  TOPOLOGY_INVALID_ARGUMENT: 'PITWALL_TOPOLOGY_INVALID_ARGUMENT',
  TOPOLOGY_DUPLICATE_NAME: 'PITWALL_TOPOLOGY_DUPLICATE_NAME',
  TOPOLOGY_INVALID: 'PITWALL_TOPOLOGY_INVALID',
  TOPOLOGY_COPARTITION: 'PITWALL_TOPOLOGY_COPARTITION',
  // record processing
  SERDE_DESERIALIZATION: 'PITWALL_SERDE_DESERIALIZATION',
  SERDE_SERIALIZATION: 'PITWALL_SERDE_SERIALIZATION',
  PROCESSING: 'PITWALL_PROCESSING',
  PRODUCTION: 'PITWALL_PRODUCTION',
  // state stores
  STORE_NOT_FOUND: 'PITWALL_STORE_NOT_FOUND',
  STORE_CLOSED: 'PITWALL_STORE_CLOSED',
  STORE_IO: 'PITWALL_STORE_IO',
  STORE_RESTORE: 'PITWALL_STORE_RESTORE',
  // runtime / broker
  BROKER_UNREACHABLE: 'PITWALL_BROKER_UNREACHABLE',
  S3_UNREACHABLE: 'PITWALL_S3_UNREACHABLE',
  TASK_MIGRATED: 'PITWALL_TASK_MIGRATED',
  PRODUCER_FENCED: 'PITWALL_PRODUCER_FENCED',
  TRANSACTION: 'PITWALL_TRANSACTION',
  RUNTIME_STATE: 'PITWALL_RUNTIME_STATE',
  FETCH: 'PITWALL_FETCH',
  // connectors
  PACKET_INVALID: 'PITWALL_PACKET_INVALID',
  SOURCE_INPUT_INVALID: 'PITWALL_SOURCE_INPUT_INVALID',
  // infrastructure scripts
  INFRA: 'PITWALL_INFRA',
} as const

/** A stable error code, e.g. `'PITWALL_SERDE_DESERIALIZATION'`. */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes]

/** Extra, structured facts about where an error happened (topic, partition, offset, field path...). */
export type ErrorDetails = Readonly<Record<string, unknown>>

/**
 * The error type of Pitwall.
 *
 * @example
 * ```ts
 * throw new PitwallError(ErrorCodes.TOPOLOGY_INVALID_ARGUMENT, 'filter(): predicate must be a function')
 * ```
 */
export class PitwallError extends Error {
  readonly code: ErrorCode
  readonly details: ErrorDetails

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: ErrorDetails } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'PitwallError'
    this.code = code
    this.details = options.details ?? {}
  }
}

/**
 * True when `error` is a {@link PitwallError}, optionally with the given code.
 *
 * @example
 * ```ts
 * if (isPitwallError(e, ErrorCodes.PRODUCER_FENCED)) stopTasks()
 * ```
 */
export function isPitwallError(error: unknown, code?: ErrorCode): error is PitwallError {
  return error instanceof PitwallError && (code === undefined || error.code === code)
}

/** The answer of a failure handler: skip the record (after dead-lettering it) or stop. */
export type HandlerResponse = 'continue' | 'fail'

/**
 * Describes one message of an unknown error for logs and headers: never throws.
 *
 * @example
 * ```ts
 * headers['pitwall.error'] = describeError(err)
 * ```
 */
export function describeError(error: unknown): string {
  if (error instanceof PitwallError) return `${error.code}: ${error.message}`
  if (error instanceof Error) return error.message
  return String(error)
}
