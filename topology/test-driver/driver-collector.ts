/**
 * @module
 * The test driver's RecordCollector and changelog writer. Records of a topic that a test reads
 * (an output topic was created for it) are all kept for the output topic; of any other topic only
 * the latest `retainUnread` are kept, so a long run whose outputs nobody reads (a benchmark, a
 * full race) does not hold every produced record in memory. Records for topics the topology itself
 * reads (repartition and through topics) are also queued, so the driver feeds them back
 * synchronously, in order.
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { ChangelogWriter } from '../../stores/api.ts'
import type { RawRecord, RecordCollector } from '../internals/runnable.ts'

/** A produced record with its topic. */
export interface ProducedRecord extends RawRecord {
  readonly topic: string
}

interface TopicLog {
  readonly records: RawRecord[]
  /** An output topic reads it: keep everything. */
  read: boolean
  /** Records dropped (oldest first) while nobody read the topic. */
  dropped: number
  produced: number
}

/** Records kept per topic that no output topic reads, by default. */
export const DEFAULT_RETAIN_UNREAD = 10_000

/**
 * Collects what a test topology produces.
 *
 * @example
 * ```ts
 * const collector = new DriverCollector(new Set(['app-counts-repartition']), (s) => `app-${s}-changelog`)
 * collector.send('out', { key: null, value: null, timestamp: 0, headers: {} })
 * ```
 */
export class DriverCollector implements RecordCollector, ChangelogWriter {
  readonly #consumed: ReadonlySet<string>
  readonly #changelogTopic: (store: string) => string
  readonly #retainUnread: number
  readonly #topics = new Map<string, TopicLog>()
  /** Records to feed back into the topology, in production order. */
  readonly pending: ProducedRecord[] = []

  constructor(
    consumedTopics: ReadonlySet<string>,
    changelogTopic: (store: string) => string,
    retainUnread = DEFAULT_RETAIN_UNREAD,
  ) {
    this.#consumed = consumedTopics
    this.#changelogTopic = changelogTopic
    this.#retainUnread = retainUnread
  }

  send(topic: string, record: RawRecord): void {
    this.#append(topic, record)
    if (this.#consumed.has(topic)) this.pending.push({ ...record, topic })
  }

  partitionsFor(_topic: string): number {
    return 1
  }

  log(storeName: string, key: Uint8Array, value: Uint8Array | null, timestamp: number): void {
    this.#append(this.#changelogTopic(storeName), { key, value, timestamp, headers: {} })
  }

  /**
   * All records produced to `topic` so far, and from now on all records to come (a live array).
   * Throws when records of the topic were already dropped because nobody read it.
   */
  records(topic: string): RawRecord[] {
    const log = this.#log(topic)
    if (log.dropped > 0) {
      throw new PitwallError(
        ErrorCodes.RUNTIME_STATE,
        `output topic '${topic}': ${log.dropped} earlier records were not kept because no output topic read it; ` +
          'create the output topic before piping input, or raise the driver option retainUnreadOutput',
        { details: { topic, dropped: log.dropped } },
      )
    }
    log.read = true
    return log.records
  }

  /** Topics that received at least one record. */
  topicNames(): string[] {
    return [...this.#topics].filter(([, log]) => log.produced > 0).map(([topic]) => topic)
  }

  #log(topic: string): TopicLog {
    let log = this.#topics.get(topic)
    if (log === undefined) {
      log = { records: [], read: false, dropped: 0, produced: 0 }
      this.#topics.set(topic, log)
    }
    return log
  }

  #append(topic: string, record: RawRecord): void {
    const log = this.#log(topic)
    log.produced++
    if (log.read) {
      log.records.push(record)
      return
    }
    const limit = this.#retainUnread
    if (limit <= 0) {
      log.dropped++
      return
    }
    log.records.push(record)
    // drop in chunks, so keeping the tail costs O(1) per record
    if (log.records.length >= 2 * limit) {
      const excess = log.records.length - limit
      log.records.splice(0, excess)
      log.dropped += excess
    }
  }
}
