/**
 * @module
 * Repartition topics are created with `retention.ms=-1`, so records with old event times (replays,
 * simulated races) are never deleted by the broker before they are processed. Like Kafka Streams
 * (`repartition.purge.interval.ms`), the worker instead deletes what it has committed: after a
 * commit, at most once per interval, it asks the broker to delete repartition records below the
 * committed offsets of its tasks. Purging is best effort: a failure is logged and retried at the
 * next interval; it never affects processing.
 */
import type { Admin } from '@platformatic/kafka'
import type { Logger } from './logger.ts'
import type { ActiveTask } from './task-manager.ts'

/**
 * Deletes committed records of repartition topics.
 *
 * @example
 * ```ts
 * const purger = new RepartitionPurger(admin, new Set(['app-rekey-repartition']), 30_000, logger)
 * purger.afterCommit(tasks) // after each successful commit
 * await purger.close()
 * ```
 */
export class RepartitionPurger {
  readonly #admin: Admin
  readonly #topics: ReadonlySet<string>
  readonly #intervalMs: number
  readonly #logger: Logger
  readonly #purged = new Map<string, bigint>()
  #last = Date.now()
  #inFlight: Promise<void> | undefined

  constructor(admin: Admin, physicalTopics: ReadonlySet<string>, intervalMs: number, logger: Logger) {
    this.#admin = admin
    this.#topics = physicalTopics
    this.#intervalMs = intervalMs
    this.#logger = logger
  }

  /** Starts a purge of the tasks' committed repartition offsets when the interval has passed. */
  afterCommit(tasks: Iterable<ActiveTask>, now = Date.now()): void {
    if (this.#inFlight !== undefined || now - this.#last < this.#intervalMs) return
    this.#last = now
    const byTopic = new Map<string, { partition: number; offset: bigint }[]>()
    for (const t of tasks) {
      for (const [topic, offset] of t.committed) {
        const key = `${topic}:${t.task.partition}`
        if (!this.#topics.has(topic) || offset <= 0n || this.#purged.get(key) === offset) continue
        this.#purged.set(key, offset)
        const partitions = byTopic.get(topic) ?? []
        partitions.push({ partition: t.task.partition, offset })
        byTopic.set(topic, partitions)
      }
    }
    if (byTopic.size === 0) return
    const topics = [...byTopic].map(([name, partitions]) => ({ name, partitions }))
    this.#inFlight = this.#admin
      .deleteRecords({ topics })
      .then(
        () => this.#logger.debug('purged repartition records', { topics }),
        (error: unknown) => {
          for (const { name, partitions } of topics)
            for (const p of partitions) this.#purged.delete(`${name}:${p.partition}`)
          this.#logger.warn(
            `purging repartition records failed (retried later): ${String((error as Error)?.message ?? error)}`,
          )
        },
      )
      .finally(() => {
        this.#inFlight = undefined
      })
  }

  /** Waits for a purge in flight and closes the admin client. */
  async close(): Promise<void> {
    await this.#inFlight
    await this.#admin.close().catch(() => {})
  }
}
