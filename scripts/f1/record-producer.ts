/**
 * @module
 * A batched producer of F1 records (kafkajs, idempotent, acks=all): records are buffered and sent
 * in one request per batch when the batch is full or `lingerMs` after the first buffered record,
 * so a fast source is produced in large batches and a paced one with little delay. Counts what it
 * produced per topic.
 */
import { Kafka, logLevel, type Producer } from 'kafkajs'
import type { F1Record } from '../../topology/f1/topics.ts'

/** Producer options. */
export interface RecordProducerOptions {
  readonly brokers: readonly string[]
  /** Prepended to every topic name. */
  readonly topicPrefix?: string
  /** Records per request (default 5000). */
  readonly batchSize?: number
  /** Longest wait of a buffered record (default 50 ms). */
  readonly lingerMs?: number
}

type Message = { key: string; value: string; timestamp: string }

/**
 * Produces records in batches.
 *
 * @example
 * ```ts
 * const producer = await RecordProducer.connect({ brokers: ['127.0.0.1:19092'] })
 * for await (const record of source) await producer.add(record)
 * await producer.close()
 * ```
 */
export class RecordProducer {
  readonly #producer: Producer
  readonly #prefix: string
  readonly #batchSize: number
  readonly #lingerMs: number
  #pending = new Map<string, Message[]>()
  #buffered = 0
  #timer: NodeJS.Timeout | undefined
  #sending: Promise<void> = Promise.resolve()
  #failure: unknown
  readonly #counts = new Map<string, number>()

  private constructor(producer: Producer, options: RecordProducerOptions) {
    this.#producer = producer
    this.#prefix = options.topicPrefix ?? ''
    this.#batchSize = options.batchSize ?? 5000
    this.#lingerMs = options.lingerMs ?? 50
  }

  /** Connects a producer. */
  static async connect(options: RecordProducerOptions): Promise<RecordProducer> {
    const kafka = new Kafka({
      clientId: 'pitwall-f1-source',
      brokers: [...options.brokers],
      logLevel: logLevel.NOTHING,
      retry: { retries: 10 },
    })
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false })
    await producer.connect()
    return new RecordProducer(producer, options)
  }

  /** Records produced (acknowledged) per topic, with the prefix. */
  get counts(): ReadonlyMap<string, number> {
    return this.#counts
  }

  /** Records produced in total. */
  get total(): number {
    let sum = 0
    for (const n of this.#counts.values()) sum += n
    return sum
  }

  /** Buffers a record; waits for the previous send when a batch is full (backpressure). */
  async add(record: Pick<F1Record, 'topic' | 'key' | 'value' | 'timestamp'>): Promise<void> {
    if (this.#failure !== undefined) throw this.#failure
    const topic = `${this.#prefix}${record.topic}`
    let list = this.#pending.get(topic)
    if (list === undefined) {
      list = []
      this.#pending.set(topic, list)
    }
    const value = typeof record.value === 'string' ? record.value : JSON.stringify(record.value)
    list.push({ key: record.key, value, timestamp: String(record.timestamp) })
    this.#buffered++
    if (this.#buffered >= this.#batchSize) {
      await this.#sending
      await this.flush()
    } else {
      this.#timer ??= setTimeout(() => void this.flush().catch(() => {}), this.#lingerMs)
    }
  }

  /** Sends what is buffered and waits until every send so far is acknowledged. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer)
    this.#timer = undefined
    if (this.#buffered > 0) {
      const batch = this.#pending
      this.#pending = new Map()
      this.#buffered = 0
      this.#sending = this.#sending.then(() => this.#send(batch))
    }
    await this.#sending
    if (this.#failure !== undefined) throw this.#failure
  }

  async #send(batch: Map<string, Message[]>): Promise<void> {
    if (this.#failure !== undefined) return
    try {
      const topicMessages = [...batch].map(([topic, messages]) => ({ topic, messages }))
      await this.#producer.sendBatch({ topicMessages, acks: -1 })
      for (const [topic, messages] of batch) this.#counts.set(topic, (this.#counts.get(topic) ?? 0) + messages.length)
    } catch (error) {
      this.#failure = error
    }
  }

  /** Flushes and disconnects. */
  async close(): Promise<void> {
    try {
      await this.flush()
    } finally {
      await this.#producer.disconnect()
    }
  }
}
