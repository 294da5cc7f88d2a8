/**
 * @module
 * `TestInputTopic`: pipes records into a TopologyTestDriver, serialized with the topic's serdes.
 */

import type { RawRecord } from '../internals/runnable.ts'
import type { Headers } from '../processor.ts'
import type { Serde } from '../serdes.ts'

/** A record to pipe; the timestamp defaults to the topic's current time. */
export interface TestRecord<K, V> {
  readonly key: K
  readonly value: V
  readonly timestamp?: number
  readonly headers?: Headers
}

/** Pipes one serialized record (given by the driver). */
export type PipeRaw = (topic: string, record: RawRecord) => Promise<void>

/**
 * An input topic of a test driver.
 *
 * @example
 * ```ts
 * const laps = driver.createInputTopic('laps', Serdes.string(), Serdes.json())
 * await laps.pipeInput('car-44', { lap: 1, ms: 91_234 }, 1_000)
 * ```
 */
export class TestInputTopic<K, V> {
  readonly name: string
  readonly #pipe: PipeRaw
  readonly #keySerde: Serde<K>
  readonly #valueSerde: Serde<V>
  readonly #autoAdvanceMs: number
  #time: number

  constructor(
    pipe: PipeRaw,
    name: string,
    keySerde: Serde<K>,
    valueSerde: Serde<V>,
    startTimestamp: number,
    autoAdvanceMs: number,
  ) {
    this.#pipe = pipe
    this.name = name
    this.#keySerde = keySerde
    this.#valueSerde = valueSerde
    this.#time = startTimestamp
    this.#autoAdvanceMs = autoAdvanceMs
  }

  /** Pipes one record; without a timestamp it gets the topic's current time (then auto-advanced). */
  async pipeInput(key: K, value: V, timestamp?: number, headers: Headers = {}): Promise<void> {
    let ts = timestamp
    if (ts === undefined) {
      ts = this.#time
      this.#time += this.#autoAdvanceMs
    }
    const rawKey = key === null || key === undefined ? null : this.#keySerde.serialize(this.name, key)
    const rawValue = value === null || value === undefined ? null : this.#valueSerde.serialize(this.name, value)
    await this.#pipe(this.name, { key: rawKey, value: rawValue, timestamp: ts, headers })
  }

  /** Pipes records in order. */
  async pipeRecordList(records: Iterable<TestRecord<K, V>>): Promise<void> {
    for (const r of records) await this.pipeInput(r.key, r.value, r.timestamp, r.headers)
  }

  /** Pipes bytes as they are (e.g. a record no serde can read). */
  async pipeRaw(
    key: Uint8Array | null,
    value: Uint8Array | null,
    timestamp?: number,
    headers: Headers = {},
  ): Promise<void> {
    await this.#pipe(this.name, { key, value, timestamp: timestamp ?? this.#time, headers })
  }

  /** Moves the topic's current time forward. */
  advanceTime(ms: number): void {
    this.#time += ms
  }
}
