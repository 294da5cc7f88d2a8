/**
 * @module
 * Writes a simulated race to the run's prefixed F1 topics with a batched @platformatic/kafka
 * producer (acks=1, idempotence off, as the bench preloader): as fast as possible (throughput
 * preload: one send per simulated second of the race, a few in flight) or in real time (latency:
 * the simulator's `realtime` mode, records sent every few ms stamped with their send time).
 * Partitions follow Kafka's Java default partitioner, so per-car topics stay co-partitioned.
 */
import { type MessageToProduce, Producer } from '@platformatic/kafka'
import type { SimulatorOptions } from '../../connectors/simulator/config.ts'
import { Simulator } from '../../connectors/simulator/simulator.ts'
import { F1Topics } from '../../topology/f1/topics.ts'
import { partitionOf } from '../workload/hash.ts'

type Message = MessageToProduce<Buffer, Buffer, Buffer, Buffer>

/** Where the records go. */
export interface RaceTarget {
  readonly brokers: readonly string[]
  readonly prefix: string
  readonly carPartitions: number
  readonly sessionPartitions: number
}

/** What was written. */
export interface RaceStats {
  /** Records per (unprefixed) F1 topic. */
  readonly perTopic: Record<string, number>
  readonly records: number
  readonly rawRecords: number
  readonly ms: number
}

const SESSION_TOPICS = new Set<string>([F1Topics.sessions.name, F1Topics.raceControl.name])

function newProducer(brokers: readonly string[]): Producer<Buffer, Buffer, Buffer, Buffer> {
  return new Producer({
    clientId: 'pitwall-f1-bench-source',
    bootstrapBrokers: [...brokers],
    acks: 1,
    idempotent: false,
    retries: 10,
    retryDelay: 250,
  })
}

function encoder(target: RaceTarget, perTopic: Record<string, number>) {
  const partitions = new Map<string, number>()
  return (r: { topic: string; key: string; value: unknown; timestamp: number }, timestamp = r.timestamp): Message => {
    let partition = partitions.get(r.key + r.topic)
    if (partition === undefined) {
      partition = partitionOf(r.key, SESSION_TOPICS.has(r.topic) ? target.sessionPartitions : target.carPartitions)
      partitions.set(r.key + r.topic, partition)
    }
    perTopic[r.topic] = (perTopic[r.topic] ?? 0) + 1
    return {
      topic: `${target.prefix}${r.topic}`,
      key: Buffer.from(r.key),
      value: Buffer.from(JSON.stringify(r.value)),
      partition,
      timestamp: BigInt(timestamp),
    }
  }
}

function stats(perTopic: Record<string, number>, started: number): RaceStats {
  const records = Object.values(perTopic).reduce((a, b) => a + b, 0)
  return { perTopic, records, rawRecords: perTopic[F1Topics.telemetryRaw.name] ?? 0, ms: performance.now() - started }
}

/**
 * Writes the whole race as fast as the broker takes it (its own simulated timestamps).
 *
 * @example
 * ```ts
 * const s = await preloadRace(target, { seed: 1, cars: 50, laps: 1 }, (n) => console.log(n))
 * ```
 */
export async function preloadRace(
  target: RaceTarget,
  race: SimulatorOptions,
  onProgress?: (records: number) => void,
): Promise<RaceStats> {
  const producer = newProducer(target.brokers)
  const perTopic: Record<string, number> = {}
  const encode = encoder(target, perTopic)
  const started = performance.now()
  const inFlight = new Set<Promise<unknown>>()
  let sent = 0
  let reported = 0
  try {
    for (const batch of new Simulator({ ...race, mode: 'fast' }).batches()) {
      const send = producer.send({ messages: batch.map((r) => encode(r)) })
      inFlight.add(send)
      void send.finally(() => inFlight.delete(send)).catch(() => {})
      if (inFlight.size >= 4) await Promise.race(inFlight)
      sent += batch.length
      if (onProgress && sent - reported >= 100_000) {
        reported = sent
        onProgress(sent)
      }
    }
    await Promise.all(inFlight)
  } finally {
    await producer.close()
  }
  return stats(perTopic, started)
}

/** A race being sent in real time. */
export interface LiveRace {
  /** Raw records acknowledged so far. */
  rawSent(): number
  /** Stops the race; resolves once the sent records are acknowledged. */
  stop(): Promise<RaceStats>
}

/**
 * Runs the simulator in real time (`mode: 'realtime'`, 10 ms batches, lights out now) and sends
 * its records every `flushMs`, each stamped with the wall-clock time of its send (the simulated
 * time lags it by up to a batch), so latency is measured against one clock.
 *
 * @example
 * ```ts
 * const live = liveRace(target, { seed: 2, cars: 50, laps: 2 })
 * await sleep(30_000)
 * const stats = await live.stop()
 * ```
 */
export function liveRace(target: RaceTarget, race: SimulatorOptions, flushMs = 5): LiveRace {
  const producer = newProducer(target.brokers)
  const perTopic: Record<string, number> = {}
  const encode = encoder(target, perTopic)
  const abort = new AbortController()
  const started = performance.now()
  const sim = new Simulator({ ...race, mode: 'realtime', speedFactor: 1, batchMs: 10, startTime: Date.now() })
  let buffer: Array<{ topic: string; key: string; value: unknown; timestamp: number }> = []
  let sending: Promise<unknown> = Promise.resolve()
  let failure: unknown
  let acked = 0
  const flush = () => {
    if (buffer.length === 0) return
    const now = Date.now()
    const records = buffer
    buffer = []
    const raw = records.filter((r) => r.topic === F1Topics.telemetryRaw.name).length
    const messages = records.map((r) => encode(r, now))
    // one send at a time: a slow acknowledgement delays the next send, it never reorders them
    sending = sending.then(() =>
      producer.send({ messages }).then(
        () => {
          acked += raw
        },
        (error) => {
          failure ??= error
        },
      ),
    )
  }
  const timer = setInterval(flush, flushMs)
  const generating = (async () => {
    for await (const record of sim.records(abort.signal)) buffer.push(record)
  })()
  return {
    rawSent: () => acked,
    stop: async () => {
      abort.abort()
      await generating
      clearInterval(timer)
      flush()
      await sending
      await producer.close()
      if (failure !== undefined) throw failure
      return stats(perTopic, started)
    },
  }
}
