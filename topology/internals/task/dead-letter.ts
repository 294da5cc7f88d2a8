/**
 * @module
 * Sends a failed record to the dead-letter topic, unchanged, with why and where in headers.
 */
import { describeError, isPitwallError } from '../../../core/errors.ts'
import type { Headers } from '../../processor.ts'
import type { ConsumedRecord, RecordCollector } from '../runnable.ts'

/** Header names of dead-lettered records. */
export const DeadLetterHeaders = {
  code: 'pitwall.error.code',
  message: 'pitwall.error.message',
  topic: 'pitwall.source.topic',
  partition: 'pitwall.source.partition',
  offset: 'pitwall.source.offset',
} as const

/**
 * Writes `record` to `topic` with the error and its source coordinates.
 *
 * @example
 * ```ts
 * deadLetter(collector, 'pitwall-dlq', record, error)
 * ```
 */
export function deadLetter(collector: RecordCollector, topic: string, record: ConsumedRecord, error: unknown): void {
  const headers: Headers = {
    ...record.headers,
    [DeadLetterHeaders.code]: isPitwallError(error) ? error.code : 'UNKNOWN',
    [DeadLetterHeaders.message]: describeError(error),
    [DeadLetterHeaders.topic]: record.topic,
    [DeadLetterHeaders.partition]: String(record.partition),
    [DeadLetterHeaders.offset]: String(record.offset),
  }
  collector.send(topic, { key: record.key, value: record.value, timestamp: record.timestamp, headers })
}
