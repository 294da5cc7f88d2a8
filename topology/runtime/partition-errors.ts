/**
 * @module
 * What the loop does with the failed partitions of a fetch: OFFSET_OUT_OF_RANGE moves the position
 * (`out-of-range.ts`); retriable errors back the partition off and refresh the metadata of its
 * topic once per fetch (the leader moved, the topic is being created); fatal ones throw a FETCH
 * error naming the partition.
 */
import type { Consumer } from '@platformatic/kafka'
import { classifyFetchError, FetchRetries, fetchError } from './fetch-errors.ts'
import type { FetchedPartition } from './fetcher.ts'
import type { Logger } from './logger.ts'
import { positionAfterOutOfRange } from './out-of-range.ts'

const OFFSET_OUT_OF_RANGE = 1
/** Attempts logged at debug before a persistent error is logged as a warning. */
const QUIET_ATTEMPTS = 3

/** A position the loop must take over. */
export interface PositionMove {
  readonly topic: string
  readonly partition: number
  readonly offset: bigint
}

/**
 * Handles the partition errors of each fetch and tells which partitions may be fetched.
 *
 * @example
 * ```ts
 * const errors = new PartitionErrors(consumer, logger)
 * const wanted = positions.filter((p) => errors.ready(p.topic, p.partition))
 * const moves = await errors.handle(await fetchPartitions(consumer, wanted, settings), positionOf)
 * ```
 */
export class PartitionErrors {
  readonly #consumer: Consumer
  readonly #logger: Logger
  readonly #retries = new FetchRetries()

  constructor(consumer: Consumer, logger: Logger) {
    this.#consumer = consumer
    this.#logger = logger
  }

  /** False while the partition backs off after a retriable error. */
  ready(topic: string, partition: number, now = Date.now()): boolean {
    return this.#retries.ready(`${topic}:${partition}`, now)
  }

  /**
   * Handles every failed partition of `parts` (successful ones reset their backoff); returns the
   * positions to move. Throws a FETCH error for a fatal partition error.
   */
  async handle(
    parts: readonly FetchedPartition[],
    positionOf: (topic: string, partition: number) => bigint | undefined,
  ): Promise<PositionMove[]> {
    const moves: PositionMove[] = []
    const refresh = new Set<string>()
    for (const part of parts) {
      const key = `${part.topic}:${part.partition}`
      if (part.errorCode === 0) {
        this.#retries.succeeded(key)
        continue
      }
      const position = positionOf(part.topic, part.partition)
      if (position === undefined) continue
      if (part.errorCode === OFFSET_OUT_OF_RANGE) {
        const { topic, partition } = part
        const offset = await positionAfterOutOfRange(this.#consumer, this.#logger, topic, partition, position)
        moves.push({ topic, partition, offset })
        continue
      }
      const { name, retriable } = classifyFetchError(part.errorCode)
      if (!retriable) throw fetchError(part.topic, part.partition, part.errorCode)
      const attempt = this.#retries.failed(key, Date.now())
      const fields = { topic: part.topic, partition: part.partition, error: name, attempt, position }
      const message = `fetch ${part.topic}-${part.partition}: ${name}, refreshing metadata and retrying`
      if (attempt > QUIET_ATTEMPTS) this.#logger.warn(message, fields)
      else this.#logger.debug(message, fields)
      refresh.add(part.topic)
    }
    if (refresh.size > 0) {
      try {
        await this.#consumer.metadata({ topics: [...refresh], forceUpdate: true })
      } catch (error) {
        // The next fetch fails the same way and goes through recovery if the cluster is really gone.
        this.#logger.debug('metadata refresh after a fetch error failed', { error: String(error) })
      }
    }
    return moves
  }
}
