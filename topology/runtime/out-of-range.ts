/**
 * @module
 * What a worker does when the broker answers OFFSET_OUT_OF_RANGE for a task's fetch position.
 * Below the log start (retention deleted the records) it skips to the earliest offset. Past the end
 * it must not reset blindly, which would reprocess records: it fails with a recoverable error so the
 * tasks are rebuilt from the committed offsets.
 */
import type { Consumer } from '@platformatic/kafka'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { Logger } from './logger.ts'

/**
 * The position to continue from, or a thrown TRANSACTION error (recovery) when it is past the end.
 *
 * @example
 * ```ts
 * at.positions.set(topic, await positionAfterOutOfRange(consumer, logger, topic, partition, position))
 * ```
 */
export async function positionAfterOutOfRange(
  consumer: Consumer,
  logger: Logger,
  topic: string,
  partition: number,
  position: bigint,
): Promise<bigint> {
  const partitions = { [topic]: [partition] }
  const earliest = (await consumer.listOffsets({ topics: [topic], partitions, timestamp: -2n })).get(topic)![partition]!
  const latest = (await consumer.listOffsets({ topics: [topic], partitions, timestamp: -1n })).get(topic)![partition]!
  const range = { position, earliest, latest }
  if (position < earliest) {
    logger.warn(`${topic}-${partition}: position below the log start, skipping to it`, range)
    return earliest
  }
  throw new PitwallError(ErrorCodes.TRANSACTION, `${topic}-${partition}: fetch position out of range`, {
    details: range,
  })
}
