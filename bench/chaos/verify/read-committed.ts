/**
 * @module
 * The verifiers' reader: kafkajs (an independent client, not the one Pitwall is built on) with
 * read_committed isolation, reading whole topics from the beginning until they stay quiet.
 */
import { Kafka, logLevel } from 'kafkajs'
import type { ClusterTarget } from '../../workload/topics.ts'

/** A record as the verifiers see it. */
export interface SeenRecord {
  readonly topic: string
  readonly partition: number
  readonly offset: string
  readonly key: Buffer | null
  readonly value: Buffer | null
  readonly headers: Record<string, string>
}

/** When reading is done. */
export interface ReadOptions {
  /** Done when this returns true for the records read so far... */
  readonly enough?: (byTopic: Map<string, SeenRecord[]>) => boolean
  /** ...or when every partition was read up to these end offsets (`topic/partition` -> offset)... */
  readonly endOffsets?: Map<string, bigint>
  /** ...and nothing new arrived for this long. */
  readonly quietMs: number
  readonly timeoutMs: number
  /** Partitions per topic (all topics of a pipeline have the same count). */
  readonly partitions: number
}

/**
 * Reads `topics` from their beginning with a read_committed kafkajs consumer.
 *
 * @example
 * ```ts
 * const byTopic = await readCommitted(target, ['x-clean'], { quietMs: 3000, timeoutMs: 60_000 })
 * ```
 */
export async function readCommitted(
  target: ClusterTarget,
  topics: string[],
  options: ReadOptions,
): Promise<Map<string, SeenRecord[]>> {
  const kafka = new Kafka({ clientId: 'pitwall-chaos-verifier', brokers: target.brokers, logLevel: logLevel.NOTHING })
  const consumer = kafka.consumer({
    groupId: `pitwall-chaos-verifier-${process.pid}-${Date.now()}`,
    readUncommitted: false,
    sessionTimeout: 30_000,
    maxBytesPerPartition: 4 * 1024 * 1024,
  })
  const byTopic = new Map<string, SeenRecord[]>(topics.map((t) => [t, []]))
  let lastArrival = Date.now()
  const next = new Map<string, bigint>()
  const reachedEnds = () =>
    [...(options.endOffsets ?? new Map<string, bigint>())].every(([tp, end]) => (next.get(tp) ?? 0n) >= end)
  await consumer.connect()
  try {
    await consumer.subscribe({ topics, fromBeginning: true })
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const list = byTopic.get(batch.topic)!
        for (const m of batch.messages) {
          const headers: Record<string, string> = {}
          for (const [k, v] of Object.entries(m.headers ?? {})) headers[k] = String(v ?? '')
          list.push({
            topic: batch.topic,
            partition: batch.partition,
            offset: m.offset,
            key: m.key,
            value: m.value,
            headers,
          })
        }
        if (batch.messages.length > 0) {
          lastArrival = Date.now()
          next.set(`${batch.topic}/${batch.partition}`, BigInt(batch.lastOffset()) + 1n)
        }
      },
    })
    // explicit seeks: a fresh group's `fromBeginning` alone was seen starting near the end of
    // large topics, which made a verifier read only the tail of the input
    for (const topic of topics) {
      for (let partition = 0; partition < options.partitions; partition++)
        consumer.seek({ topic, partition, offset: '0' })
    }
    const started = Date.now()
    for (;;) {
      await new Promise((r) => setTimeout(r, 500))
      const quiet = Date.now() - lastArrival >= options.quietMs
      if (quiet && (options.enough?.(byTopic) ?? true) && reachedEnds()) break
      if (Date.now() - started > options.timeoutMs) break
    }
  } finally {
    await consumer.disconnect()
  }
  return byTopic
}
