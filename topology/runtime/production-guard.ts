/**
 * @module
 * Production errors that are known before sending: a record larger than the broker accepts would
 * fail its whole batch (and, under exactly-once, the transaction). The guard checks each record's
 * size as it is collected and asks the production error handler: 'continue' dead-letters the input
 * record that produced it (same headers as the task's dead letters) and drops the output; 'fail'
 * remembers the error, which the stream thread raises after the current record, stopping the worker
 * with the open transaction aborted.
 */
import { describeError, ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { ConsumedRecord, ErrorHandler, RawRecord, RecordCollector } from '../internals/runnable.ts'
import { DeadLetterHeaders, deadLetter } from '../internals/task/dead-letter.ts'
import type { Logger } from './logger.ts'

/** What the guard needs. */
export interface ProductionGuardOptions {
  /** Largest record (key + value + headers, in bytes) sent to a topic. */
  readonly maxRecordBytes: number
  readonly handler: ErrorHandler
  readonly deadLetterTopic: string | undefined
  readonly logger: Logger
}

function sizeOf(record: RawRecord): number {
  let size = (record.key?.byteLength ?? 0) + (record.value?.byteLength ?? 0)
  for (const [k, v] of Object.entries(record.headers))
    size += k.length + (typeof v === 'string' ? v.length : v.byteLength)
  return size
}

/**
 * Checks records on their way to the collector.
 *
 * @example
 * ```ts
 * const guard = new ProductionGuard({ maxRecordBytes: 1_000_000, handler: () => 'continue', deadLetterTopic: 'dlq', logger })
 * if (guard.admit(collector, 'out', record)) buffer(record)
 * ```
 */
export class ProductionGuard {
  readonly #o: ProductionGuardOptions
  /** The input record being processed (set by the stream thread); undefined in commits and punctuations. */
  source: ConsumedRecord | undefined
  taskId = ''
  #failure: PitwallError | undefined

  constructor(options: ProductionGuardOptions) {
    this.#o = options
  }

  /** True when `record` may be sent to `topic`; otherwise the handler was consulted. */
  admit(collector: RecordCollector, topic: string, record: RawRecord): boolean {
    const size = sizeOf(record)
    if (size <= this.#o.maxRecordBytes) return true
    const r = this.source
    const where = r ? `${r.topic}-${r.partition}@${r.offset}` : 'a cache flush or punctuation'
    const error = new PitwallError(
      ErrorCodes.PRODUCTION,
      `record for topic '${topic}' is ${size} bytes, more than the ${this.#o.maxRecordBytes} bytes allowed (from ${where})`,
      { details: { topic, size, max: this.#o.maxRecordBytes } },
    )
    const answer = this.#o.handler({ taskId: this.taskId, record: r, error })
    this.#o.logger.error(`production error: ${describeError(error)}`, { answer, task: this.taskId })
    if (answer !== 'continue') {
      this.#failure ??= error
      return false
    }
    const dlq = this.#o.deadLetterTopic
    if (dlq === undefined || topic === dlq) return false
    if (r) deadLetter(collector, dlq, r, error)
    else {
      collector.send(dlq, {
        key: record.key,
        value: null,
        timestamp: record.timestamp,
        headers: { [DeadLetterHeaders.code]: error.code, [DeadLetterHeaders.message]: error.message },
      })
    }
    return false
  }

  /** Throws the failure a 'fail' answer left behind, once. */
  raise(): void {
    const failure = this.#failure
    if (failure === undefined) return
    this.#failure = undefined
    throw failure
  }
}
