/**
 * @module
 * `TestOutputTopic`: reads what a topology produced to a topic, deserialized with its serdes.
 * Reading consumes: each record is returned once.
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { KeyValue } from '../../stores/api.ts'
import type { RawRecord } from '../internals/runnable.ts'
import type { Headers } from '../processor.ts'
import type { Serde } from '../serdes.ts'

/** A record read from an output topic. */
export interface OutputRecord<K, V> {
  readonly key: K
  readonly value: V
  readonly timestamp: number
  readonly headers: Headers
}

/**
 * An output topic of a test driver.
 *
 * @example
 * ```ts
 * const out = driver.createOutputTopic('lap-counts', Serdes.string(), Serdes.double())
 * expect(out.readKeyValuesToList()).toEqual([{ key: 'car-44', value: 1 }])
 * ```
 */
export class TestOutputTopic<K, V> {
  readonly name: string
  readonly #records: readonly RawRecord[]
  readonly #keySerde: Serde<K>
  readonly #valueSerde: Serde<V>
  #position = 0

  constructor(name: string, records: readonly RawRecord[], keySerde: Serde<K>, valueSerde: Serde<V>) {
    this.name = name
    this.#records = records
    this.#keySerde = keySerde
    this.#valueSerde = valueSerde
  }

  isEmpty(): boolean {
    return this.#position >= this.#records.length
  }

  getQueueSize(): number {
    return this.#records.length - this.#position
  }

  readRecord(): OutputRecord<K, V> {
    const raw = this.#records[this.#position]
    if (raw === undefined) {
      throw new PitwallError(ErrorCodes.RUNTIME_STATE, `output topic '${this.name}' has no more records`, {
        details: { topic: this.name },
      })
    }
    this.#position++
    const key = raw.key === null ? (null as K) : this.#keySerde.deserialize(this.name, raw.key)
    const value = this.#valueSerde.deserialize(this.name, raw.value)
    return { key, value, timestamp: raw.timestamp, headers: raw.headers }
  }

  readKeyValue(): KeyValue<K, V> {
    const { key, value } = this.readRecord()
    return { key, value }
  }

  readValue(): V {
    return this.readRecord().value
  }

  readRecordsToList(): OutputRecord<K, V>[] {
    const out: OutputRecord<K, V>[] = []
    while (!this.isEmpty()) out.push(this.readRecord())
    return out
  }

  readKeyValuesToList(): KeyValue<K, V>[] {
    return this.readRecordsToList().map(({ key, value }) => ({ key, value }))
  }

  readValuesToList(): V[] {
    return this.readRecordsToList().map((r) => r.value)
  }

  /** The latest value per key (keys compared by their serialized bytes, so object keys work). */
  readKeyValuesToMap(): Map<K, V> {
    const latest = new Map<string, KeyValue<K, V>>()
    while (!this.isEmpty()) {
      const raw = this.#records[this.#position]!
      const { key, value } = this.readRecord()
      const id = raw.key === null ? '' : Buffer.from(raw.key).toString('hex')
      latest.delete(id)
      latest.set(id, { key, value })
    }
    return new Map([...latest.values()].map(({ key, value }) => [key, value]))
  }
}
