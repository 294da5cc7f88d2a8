/**
 * @module
 * Writes reference records to the input topic: as fast as the broker takes them (throughput runs
 * and the physical limit) or at a fixed rate with send-time timestamps (latency runs, chaos load).
 * A batched @platformatic/kafka producer, acks=1, idempotence off, no compression; partitions are
 * chosen by the generator (Java-compatible murmur2) so every client agrees where a car lives.
 */
import { type MessageToProduce, Producer } from '@platformatic/kafka'
import { encodeSample, generate } from './generator.ts'
import type { ClusterTarget } from './topics.ts'

/** How a preload went. */
export interface ProduceStats {
  readonly records: number
  readonly bytes: number
  readonly ms: number
}

const BATCH = 2000
const IN_FLIGHT = 4

function newProducer(target: ClusterTarget, idempotent = false): Producer<Buffer, Buffer, Buffer, Buffer> {
  return new Producer({
    clientId: 'pitwall-bench-preloader',
    bootstrapBrokers: target.brokers,
    acks: idempotent ? -1 : 1,
    idempotent,
    retries: 10,
    retryDelay: 250,
  })
}

function message(topic: string, n: number, timestamp?: number): MessageToProduce<Buffer, Buffer, Buffer, Buffer> {
  const r = generate(n, timestamp)
  return {
    topic,
    key: Buffer.from(r.key),
    value: encodeSample(r.sample),
    partition: r.partition,
    timestamp: BigInt(r.timestamp),
  }
}

/**
 * Writes records `from .. from+count-1` of the reference workload as fast as possible.
 *
 * @example
 * ```ts
 * const stats = await preload(target, 'bench-input', 0, 2_000_000, (done) => console.log(done))
 * ```
 */
export async function preload(
  target: ClusterTarget,
  topic: string,
  from: number,
  count: number,
  onProgress?: (done: number) => void,
): Promise<ProduceStats> {
  const producer = newProducer(target)
  const started = performance.now()
  let bytes = 0
  let done = 0
  let lastReport = 0
  // Sends of one partition are chained: concurrent sends (idempotence off) can reach the broker
  // out of order, and T2's expected windows and anomalies assume each partition in record order
  // (4 unordered lanes split windows: a window's last samples arrived before its first ones).
  const chains = new Map<number, Promise<void>>()
  const inFlight = new Set<Promise<void>>()
  const buffers = new Map<number, MessageToProduce<Buffer, Buffer, Buffer, Buffer>[]>()
  const flush = async (partition: number): Promise<void> => {
    const messages = buffers.get(partition)
    if (!messages || messages.length === 0) return
    buffers.set(partition, [])
    while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight).catch(() => {})
    const sent = (chains.get(partition) ?? Promise.resolve()).then(async () => {
      await producer.send({ messages })
      done += messages.length
      if (onProgress && done - lastReport >= 200_000) {
        lastReport = done
        onProgress(done)
      }
    })
    chains.set(partition, sent)
    const tracked = sent.finally(() => inFlight.delete(tracked))
    tracked.catch(() => {}) // surfaces through the chains below
    inFlight.add(tracked)
  }
  try {
    for (let n = from; n < from + count; n++) {
      const m = message(topic, n)
      bytes += m.value!.length + m.key!.length
      const list = buffers.get(m.partition!) ?? []
      buffers.set(m.partition!, list)
      list.push(m)
      if (list.length >= BATCH) await flush(m.partition!)
    }
    for (const partition of [...buffers.keys()]) await flush(partition)
    await Promise.all(chains.values())
  } finally {
    await producer.close()
  }
  return { records: count, bytes, ms: performance.now() - started }
}

/** A fixed-rate writer started by {@link produceAtRate}. */
export interface RateProducer {
  /** Records sent so far (acknowledged). */
  sent(): number
  /** Stops sending; resolves with the stats once in-flight sends are acknowledged. */
  stop(): Promise<ProduceStats>
  /** Resolves when `count` records have been sent (or the producer stopped). */
  finished: Promise<ProduceStats>
}

/** How {@link produceAtRate} stamps records. */
export interface RateOptions {
  /** `'send'`: the send time, strictly increasing per car (latency runs); `'generated'`: the workload's own. */
  readonly eventTime?: 'send' | 'generated'
  /** An idempotent producer (acks=all), so retries across a broker restart add no duplicates. */
  readonly idempotent?: boolean
}

/**
 * Writes records from index `from` at `rate` records/s, until `count` records are sent or it is
 * stopped. Send errors (a broker restart) are retried with the same records, so every index is
 * written at least once.
 *
 * @example
 * ```ts
 * const load = produceAtRate(target, 'bench-input', 0, 10_000, 50_000)
 * await load.finished
 * ```
 */
export function produceAtRate(
  target: ClusterTarget,
  topic: string,
  from: number,
  rate: number,
  count: number,
  options: RateOptions = {},
): RateProducer {
  let producer = newProducer(target, options.idempotent)
  const sendTime = (options.eventTime ?? 'send') === 'send'
  const lastTs = new Map<number, number>()
  const started = performance.now()
  let sent = 0
  let bytes = 0
  let stopped = false
  const tickMs = 10
  // Retries the same records until acknowledged; after a few failures (a broker that was killed
  // forgets idempotent producer state) it starts a new producer. Abandons the batch when stopped:
  // whether it was written is then unknown, which is why verifiers read the input back.
  const send = async (messages: MessageToProduce<Buffer, Buffer, Buffer, Buffer>[]): Promise<boolean> => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await producer.send({ messages })
        return true
      } catch {
        if (attempt % 4 === 3) {
          void producer.close(true).catch(() => {})
          producer = newProducer(target, options.idempotent)
        }
        await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)))
      }
    }
    return false
  }
  const run = async (): Promise<ProduceStats> => {
    while (!stopped && sent < count) {
      // a backlog (after an outage) is sent in batches of at most BATCH records
      const due = Math.min(count, sent + BATCH, Math.floor(((performance.now() - started) / 1000) * rate))
      if (due > sent) {
        const messages: MessageToProduce<Buffer, Buffer, Buffer, Buffer>[] = []
        const now = Date.now()
        for (let n = from + sent; n < from + due; n++) {
          const car = n % 50
          const ts = Math.max(now, (lastTs.get(car) ?? 0) + 1)
          if (sendTime) lastTs.set(car, ts)
          const m = message(topic, n, sendTime ? ts : undefined)
          bytes += m.value!.length + m.key!.length
          messages.push(m)
        }
        if (await send(messages)) sent = due
      }
      await new Promise((r) => setTimeout(r, tickMs))
    }
    await producer.close().catch(() => {})
    return { records: sent, bytes, ms: performance.now() - started }
  }
  const finished = run()
  return {
    sent: () => sent,
    stop: async () => {
      stopped = true
      return finished
    },
    finished,
  }
}
