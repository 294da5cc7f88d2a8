/**
 * @module
 * The {@link RecordCollector} and {@link ChangelogWriter} a task writes to. Sends are buffered and
 * handed to the producer in batches (inside the open transaction under exactly-once), when the
 * buffer grows, when the oldest buffered record has lingered `lingerMs` (Kafka's `linger.ms`) and
 * on every commit; a failed batch surfaces at the next flush or linger, which fails the loop.
 * Keyed records without an explicit partition are placed with Kafka's murmur2 partitioner.
 */
import type { ChangelogWriter } from '../../stores/api.ts'
import type { RawRecord, RecordCollector } from '../internals/runnable.ts'
import type { Headers } from '../processor.ts'
import { partitionForKey } from './partitioner.ts'
import type { ProductionGuard } from './production-guard.ts'

/** A produce-ready message with Buffer payloads (timestamp in ms, headers as pairs). */
export interface OutgoingMessage {
  readonly topic: string
  partition?: number
  readonly key: Buffer | undefined
  readonly value: Buffer | undefined
  readonly timestamp: number
  readonly headers: readonly (readonly [Buffer, Buffer])[]
}

const NO_HEADERS: readonly (readonly [Buffer, Buffer])[] = []
/** Records per sink call. */
const CHUNK = 5_000

/** Sends a batch of messages; rejects when any of them failed. */
export type MessageSink = (messages: OutgoingMessage[]) => Promise<void>

const toBuffer = (bytes: Uint8Array | string): Buffer =>
  typeof bytes === 'string'
    ? Buffer.from(bytes)
    : Buffer.isBuffer(bytes)
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

function headerPairs(headers: Headers): readonly (readonly [Buffer, Buffer])[] {
  const names = Object.keys(headers)
  if (names.length === 0) return NO_HEADERS
  return names.map((k) => [Buffer.from(k), toBuffer(headers[k]!)] as const)
}

/**
 * Buffers the records of all tasks of a worker until they are flushed to a sink.
 *
 * @example
 * ```ts
 * const collector = new BufferedCollector((t) => partitionCounts.get(t))
 * collector.send('out', { key, value, timestamp: Date.now(), headers: {} })
 * await collector.linger(sink, 5) // sent within 5 ms even if the loop then waits on a fetch
 * await collector.flush((batch) => producer.send({ messages: batch }).then(() => {}))
 * ```
 */
export class BufferedCollector implements RecordCollector {
  #pending: OutgoingMessage[] = []
  /** When the oldest buffered record arrived (ms since epoch). */
  #pendingSince = 0
  #inflight: Promise<void> = Promise.resolve()
  #queued = 0
  #failed = false
  #timer: ReturnType<typeof setTimeout> | undefined
  /** The linger expired while a send was in flight: send as soon as it completes. */
  #due: MessageSink | undefined
  #partitionCount: (topic: string) => number | undefined
  #guard: ProductionGuard | undefined

  constructor(partitionCount: (topic: string) => number | undefined, guard?: ProductionGuard) {
    this.#partitionCount = partitionCount
    this.#guard = guard
  }

  send(topic: string, record: RawRecord, partition?: number): void {
    if (this.#guard && !this.#guard.admit(this, topic, record)) return
    const message: OutgoingMessage = {
      topic,
      key: record.key === null ? undefined : toBuffer(record.key),
      value: record.value === null ? undefined : toBuffer(record.value),
      timestamp: Math.trunc(record.timestamp),
      headers: headerPairs(record.headers),
    }
    if (partition !== undefined) message.partition = partition
    else if (record.key !== null) {
      const count = this.#partitionCount(topic)
      if (count !== undefined) message.partition = partitionForKey(record.key, count)
    }
    if (this.#pending.length === 0) this.#pendingSince = Date.now()
    this.#pending.push(message)
  }

  partitionsFor(topic: string): number | undefined {
    return this.#partitionCount(topic)
  }

  /** Records buffered and not yet handed to a sink. */
  get size(): number {
    return this.#pending.length
  }

  /**
   * Starts handing everything buffered to `sink` without waiting, behind the sends already in
   * flight (one at a time, so each partition's records keep their order). A failure surfaces at the
   * next {@link flush}. Resolves at once unless two sends are already queued (backpressure).
   */
  async sendAhead(sink: MessageSink, chunkSize = CHUNK): Promise<void> {
    this.#start(sink, chunkSize)
    if (this.#queued > 2) await this.#inflight
  }

  /**
   * Makes buffered records go out once the oldest has waited `lingerMs`, even if the loop is
   * blocked in a fetch by then (a timer). Like Kafka's sender with one request in flight, a lingered
   * send never queues behind another: if one is in flight it goes out when that one completes, with
   * everything buffered meanwhile, so high rates still make large batches. Rejects if an earlier
   * send failed, so the loop learns of it before the commit.
   */
  async linger(sink: MessageSink, lingerMs: number): Promise<void> {
    if (this.#failed) await this.#inflight
    if (this.#pending.length === 0 || this.#timer !== undefined || this.#due) return
    const delay = this.#pendingSince + lingerMs - Date.now()
    if (delay <= 0) this.#expired(sink)
    else this.#timer = setTimeout(() => this.#expired(sink), delay)
  }

  /** Hands everything buffered to `sink` and waits until every send is acknowledged. */
  async flush(sink: MessageSink, chunkSize = CHUNK): Promise<void> {
    this.#start(sink, chunkSize)
    await this.#inflight
  }

  /**
   * Drops buffered records and waits for sends in flight, ignoring their errors (before an abort:
   * the records belong to the aborted transaction, and EndTxn must not overtake a Produce).
   */
  async discard(): Promise<void> {
    this.#pending = []
    this.#idle()
    await this.#inflight.catch(() => {})
    this.#inflight = Promise.resolve()
    this.#failed = false
  }

  #expired(sink: MessageSink): void {
    this.#timer = undefined
    if (this.#queued === 0) this.#start(sink, CHUNK)
    else this.#due = sink
  }

  /** Nothing is waiting for the linger any more (the buffer was taken or dropped). */
  #idle(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
    this.#due = undefined
  }

  #start(sink: MessageSink, chunkSize: number): void {
    const batch = this.#pending
    if (batch.length === 0) return
    this.#pending = []
    this.#idle()
    this.#queued++
    const previous = this.#inflight
    this.#inflight = (async () => {
      try {
        await previous
        for (let i = 0; i < batch.length; i += chunkSize) await sink(batch.slice(i, i + chunkSize))
      } catch (error) {
        this.#failed = true
        throw error
      } finally {
        this.#queued--
        const due = this.#due
        if (due && this.#queued === 0 && !this.#failed) this.#start(due, CHUNK)
      }
    })()
    this.#inflight.catch(() => {})
  }
}

/**
 * A task's changelog writer: each store's changes go to `<applicationId>-<store>-changelog` on the
 * task's partition.
 *
 * @example
 * ```ts
 * const changelog = changelogWriter(collector, (store) => `app-${store}-changelog`, 3)
 * ```
 */
export function changelogWriter(
  collector: RecordCollector,
  topicOf: (storeName: string) => string,
  partition: number,
): ChangelogWriter {
  return {
    log(storeName, key, value, timestamp) {
      collector.send(topicOf(storeName), { key, value, timestamp, headers: {} }, partition)
    },
  }
}
