/**
 * @module
 * Error handlers as the runtime hands them to tasks. Dead-lettering happens in exactly one place,
 * the task (`topology/internals/task/dead-letter.ts`, headers `pitwall.error.code`,
 * `pitwall.error.message`, `pitwall.source.topic|partition|offset`); the runtime only makes every
 * decision visible in its log, so a skipped record is never silent even without a dead-letter topic.
 */
import { describeError } from '../../core/errors.ts'
import type { ErrorHandler } from '../internals/runnable.ts'
import type { Logger } from './logger.ts'

/**
 * Wraps a user handler so that each decision is logged with the record's coordinates.
 *
 * @example
 * ```ts
 * const handler = loggingHandler(() => 'continue', 'deserialization', { logger, deadLetterTopic: 'dlq' })
 * ```
 */
export function loggingHandler(
  handler: ErrorHandler,
  kind: 'deserialization' | 'processing',
  o: { readonly logger: Logger; readonly deadLetterTopic: string | undefined },
): ErrorHandler {
  return (context) => {
    const answer = handler(context)
    const r = context.record
    const where = r ? `${r.topic}-${r.partition}@${r.offset}` : 'a punctuation'
    const fields = { task: context.taskId, error: describeError(context.error), answer }
    if (answer !== 'continue') o.logger.error(`${kind} error on ${where}`, fields)
    else if (o.deadLetterTopic)
      o.logger.warn(`${kind} error on ${where}: dead-lettered to ${o.deadLetterTopic}`, fields)
    else o.logger.warn(`${kind} error on ${where}: skipped (no dead-letter topic)`, fields)
    return answer
  }
}
