/**
 * @module
 * The running sink node: serializes a record and hands it to the task's RecordCollector (which
 * partitions by key bytes with murmur2 unless a partitioner chose a partition).
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { Record } from '../../processor.ts'
import type { SinkDef } from '../compile/node-defs.ts'
import type { RecordCollector } from '../runnable.ts'
import type { TaskState } from '../task/task-state.ts'

/**
 * A sink of one task.
 *
 * @example
 * ```ts
 * sink.process({ key: 'car-44', value: 312, timestamp: 0, headers: {} })
 * ```
 */
export class SinkNode {
  readonly name: string
  readonly #def: SinkDef
  readonly #state: TaskState
  readonly #collector: RecordCollector
  /** Physical topic when fixed. */
  readonly #topic: string | undefined

  constructor(def: SinkDef, state: TaskState) {
    this.name = def.name
    this.#def = def
    this.#state = state
    this.#collector = state.context.collector
    this.#topic = typeof def.topic === 'string' ? state.context.topicName(def.topic) : undefined
  }

  process(record: Record<unknown, unknown>): void {
    const def = this.#def
    const topic = this.#topic ?? this.#extractTopic(record)
    let key: Uint8Array | null
    let value: Uint8Array | null
    try {
      key = record.key === null || record.key === undefined ? null : def.keySerde.serialize(topic, record.key)
      value = record.value === undefined ? null : def.valueSerde.serialize(topic, record.value)
    } catch (cause) {
      throw this.#blamed(
        new PitwallError(
          ErrorCodes.SERDE_SERIALIZATION,
          `sink '${this.name}' cannot serialize a record for topic '${topic}'`,
          {
            cause,
            details: { processor: this.name, topic },
          },
        ),
      )
    }
    const raw = { key, value, timestamp: record.timestamp, headers: record.headers }
    if (def.partitioner === undefined) {
      this.#collector.send(topic, raw)
      return
    }
    const partitions = this.#collector.partitionsFor(topic)
    const partition =
      partitions === undefined ? undefined : def.partitioner(topic, record.key, record.value, partitions)
    this.#collector.send(topic, raw, partition)
  }

  #extractTopic(record: Record<unknown, unknown>): string {
    const extractor = this.#def.topic as Exclude<SinkDef['topic'], string>
    const topic = extractor(record.key, record.value, this.#state.current)
    if (typeof topic !== 'string' || topic.length === 0) {
      throw this.#blamed(
        new PitwallError(
          ErrorCodes.PROCESSING,
          `sink '${this.name}': topic extractor returned ${JSON.stringify(topic)}`,
        ),
      )
    }
    return topic
  }

  /** Attributes `error` to this sink in the task's error context. */
  #blamed(error: PitwallError): PitwallError {
    this.#state.failure = { error, processorName: this.name }
    return error
  }
}
