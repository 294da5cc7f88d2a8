/**
 * @module
 * Error handlers as the runtime hands them to tasks: when the user's handler answers 'continue',
 * the failed record is first sent to the dead-letter topic with the reason and its source
 * coordinates in headers; skipping a record is always visible somewhere.
 */
import { describeError } from '../../core/errors.ts'
import type { ErrorContext, ErrorHandler, RecordCollector } from '../internals/runnable.ts'
import type { Logger } from './logger.ts'

/** Header names on dead-lettered records. */
export const DeadLetterHeaders = {
  error: 'pitwall.error',
  topic: 'pitwall.source.topic',
  partition: 'pitwall.source.partition',
  offset: 'pitwall.source.offset',
  task: 'pitwall.task',
  processor: 'pitwall.processor',
} as const

/**
 * Sends the failed record of `context` to `topic` (or logs it when there is no dead-letter topic).
 *
 * @example
 * ```ts
 * deadLetter(collector, 'pitwall-dlq', { taskId: '0_1', record, error }, logger)
 * ```
 */
export function deadLetter(
  collector: RecordCollector,
  topic: string | undefined,
  context: ErrorContext,
  logger: Logger,
): void {
  const r = context.record
  const where = r ? `${r.topic}-${r.partition}@${r.offset}` : 'a punctuation'
  if (!topic) {
    logger.warn(`skipping failed record of ${where} in task ${context.taskId}`, { error: describeError(context.error) })
    return
  }
  const headers: Record<string, string | Uint8Array> = { ...(r?.headers ?? {}) }
  headers[DeadLetterHeaders.error] = describeError(context.error)
  headers[DeadLetterHeaders.task] = context.taskId
  if (context.processorName) headers[DeadLetterHeaders.processor] = context.processorName
  if (r) {
    headers[DeadLetterHeaders.topic] = r.topic
    headers[DeadLetterHeaders.partition] = String(r.partition)
    headers[DeadLetterHeaders.offset] = String(r.offset)
  }
  collector.send(topic, {
    key: r?.key ?? null,
    value: r?.value ?? null,
    timestamp: r?.timestamp ?? Date.now(),
    headers,
  })
}

/**
 * Wraps a user handler so that 'continue' dead-letters the record.
 *
 * @example
 * ```ts
 * const handler = deadLetteringHandler(userHandler, collector, 'pitwall-dlq', logger)
 * ```
 */
export function deadLetteringHandler(
  handler: ErrorHandler,
  collector: RecordCollector,
  topic: string | undefined,
  logger: Logger,
): ErrorHandler {
  return (context) => {
    const answer = handler(context)
    if (answer === 'continue') deadLetter(collector, topic, context, logger)
    return answer
  }
}
