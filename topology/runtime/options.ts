/**
 * @module
 * Options of {@link PitwallStreams}, their defaults (following Kafka Streams: commit every 100 ms
 * under exactly-once, every 30 s under at-least-once) and their validation.
 */
import { hostname } from 'node:os'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { ErrorHandler } from '../internals/runnable.ts'
import { consoleLogger, type Logger } from './logger.ts'
import { safeLogger } from './safe-logger.ts'

/** How outputs, state and offsets are committed. */
export type ProcessingGuarantee = 'exactly_once_v2' | 'at_least_once'

/** What the runtime accepts. */
export interface StreamsOptions {
  readonly applicationId: string
  readonly brokers: readonly string[]
  readonly processingGuarantee?: ProcessingGuarantee
  /** Defaults to 100 ms under exactly-once and 30,000 ms under at-least-once. */
  readonly commitIntervalMs?: number
  /** Root of local state; tasks live in `<stateDir>/<applicationId>/<taskId>`. */
  readonly stateDir?: string
  /** Stable id of this worker; the transactional id is `<applicationId>-<workerId>`. */
  readonly workerId?: string
  readonly deserializationErrorHandler?: ErrorHandler
  readonly processingErrorHandler?: ErrorHandler
  /** Production errors (a record the broker rejects): 'fail' by default. */
  readonly productionErrorHandler?: ErrorHandler
  /** Largest record (key + value + headers) sent; larger ones go to the production error handler. */
  readonly maxRecordBytes?: number
  /** Failed records are sent here, with the error and their source in headers. */
  readonly deadLetterTopic?: string
  /** Consumer group session timeout (how long a crashed worker keeps its tasks). */
  readonly sessionTimeoutMs?: number
  readonly heartbeatIntervalMs?: number
  /** Producer transaction timeout (how long a crashed worker's open transaction blocks readers). */
  readonly transactionTimeoutMs?: number
  /** Partitions of internal topics whose count the topology leaves open. */
  readonly defaultInternalPartitions?: number
  /** Changelog records per restoreBatch call. */
  readonly restoreBatchSize?: number
  /** Interval of wall-clock punctuation checks. */
  readonly punctuateIntervalMs?: number
  /** Receives JSON-safe fields (bigint offsets as numbers); a logger that throws is ignored. */
  readonly logger?: Logger
  /** Where records start when the group has no committed offset. */
  readonly autoOffsetReset?: 'earliest' | 'latest'
  /** How often committed repartition records are deleted (Kafka's repartition.purge.interval.ms). */
  readonly repartitionPurgeIntervalMs?: number
  /**
   * Kafka's `linger.ms` (default 5, as in Kafka 4): buffered outputs are sent once the oldest has
   * waited this long, without waiting for 5,000 of them or for the commit, one send at a time.
   */
  readonly lingerMs?: number
}

/** Options with every default filled in. */
export type ResolvedStreamsOptions = Required<Omit<StreamsOptions, 'deadLetterTopic'>> & {
  readonly deadLetterTopic: string | undefined
}

const failHandler: ErrorHandler = () => 'fail'

/**
 * Validates options and fills in defaults.
 *
 * @example
 * ```ts
 * const o = resolveOptions({ applicationId: 'pitwall', brokers: ['127.0.0.1:19092'] })
 * o.commitIntervalMs // 100
 * ```
 */
export function resolveOptions(options: StreamsOptions): ResolvedStreamsOptions {
  if (!options || typeof options.applicationId !== 'string' || !/^[A-Za-z0-9._-]+$/.test(options.applicationId)) {
    throw new PitwallError(
      ErrorCodes.CONFIG_INVALID,
      'PitwallStreams: applicationId must be a non-empty [A-Za-z0-9._-] string',
    )
  }
  if (!Array.isArray(options.brokers) || options.brokers.length === 0) {
    throw new PitwallError(ErrorCodes.CONFIG_INVALID, 'PitwallStreams: brokers must list at least one host:port')
  }
  const guarantee = options.processingGuarantee ?? 'exactly_once_v2'
  if (guarantee !== 'exactly_once_v2' && guarantee !== 'at_least_once') {
    throw new PitwallError(
      ErrorCodes.CONFIG_INVALID,
      `PitwallStreams: processingGuarantee must be 'exactly_once_v2' or 'at_least_once', got '${guarantee}'`,
    )
  }
  const eos = guarantee === 'exactly_once_v2'
  const lingerMs = options.lingerMs ?? 5
  if (typeof lingerMs !== 'number' || !Number.isFinite(lingerMs) || lingerMs < 0) {
    throw new PitwallError(
      ErrorCodes.CONFIG_INVALID,
      `PitwallStreams: lingerMs must be a finite number of milliseconds >= 0, got ${String(lingerMs)}`,
    )
  }
  return {
    applicationId: options.applicationId,
    brokers: options.brokers,
    processingGuarantee: guarantee,
    commitIntervalMs: options.commitIntervalMs ?? (eos ? 100 : 30_000),
    stateDir: options.stateDir ?? '/tmp/pitwall-streams',
    workerId: options.workerId ?? `${hostname()}-${process.pid}`,
    deserializationErrorHandler: options.deserializationErrorHandler ?? failHandler,
    processingErrorHandler: options.processingErrorHandler ?? failHandler,
    productionErrorHandler: options.productionErrorHandler ?? failHandler,
    deadLetterTopic: options.deadLetterTopic,
    maxRecordBytes: options.maxRecordBytes ?? 1_000_000,
    sessionTimeoutMs: options.sessionTimeoutMs ?? 10_000,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1_000,
    transactionTimeoutMs: options.transactionTimeoutMs ?? 10_000,
    defaultInternalPartitions: options.defaultInternalPartitions ?? 0,
    restoreBatchSize: options.restoreBatchSize ?? 50_000,
    punctuateIntervalMs: options.punctuateIntervalMs ?? 100,
    logger: safeLogger(options.logger ?? consoleLogger(options.applicationId)),
    autoOffsetReset: options.autoOffsetReset ?? 'earliest',
    repartitionPurgeIntervalMs: options.repartitionPurgeIntervalMs ?? 30_000,
    lingerMs,
  }
}
