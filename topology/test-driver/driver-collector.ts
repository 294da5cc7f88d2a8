/**
 * @module
 * The test driver's RecordCollector and changelog writer: every produced record is kept per topic
 * for output topics to read; records for topics the topology itself reads (repartition and
 * through topics) are also queued, so the driver feeds them back synchronously, in order.
 */
import type { ChangelogWriter } from '../../stores/api.ts'
import type { RawRecord, RecordCollector } from '../internals/runnable.ts'

/** A produced record with its topic. */
export interface ProducedRecord extends RawRecord {
  readonly topic: string
}

/**
 * Collects everything a test topology produces.
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
  readonly #topics = new Map<string, RawRecord[]>()
  /** Records to feed back into the topology, in production order. */
  readonly pending: ProducedRecord[] = []

  constructor(consumedTopics: ReadonlySet<string>, changelogTopic: (store: string) => string) {
    this.#consumed = consumedTopics
    this.#changelogTopic = changelogTopic
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

  /** All records produced to `topic` so far (a live array). */
  records(topic: string): RawRecord[] {
    let list = this.#topics.get(topic)
    if (list === undefined) {
      list = []
      this.#topics.set(topic, list)
    }
    return list
  }

  /** Topics that received at least one record. */
  topicNames(): string[] {
    return [...this.#topics].filter(([, records]) => records.length > 0).map(([topic]) => topic)
  }

  #append(topic: string, record: RawRecord): void {
    this.records(topic).push(record)
  }
}
