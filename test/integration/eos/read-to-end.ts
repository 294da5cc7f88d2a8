/**
 * @module
 * Reads a whole topic read_committed with kafkajs (an independent client) until every partition's
 * position has passed its last stable offset. kafkajs never hands batches made only of control
 * records or aborted data to `eachBatch`; it resolves them silently (kafkajs #403 / #1256), so
 * progress is tracked through the consumer's END_BATCH_PROCESS instrumentation events, which fire
 * for those batches too, not through the records delivered.
 */
import type { ReadRecord } from '../../helpers/kafka.ts'
import { kafkajsClient, withAdmin } from '../../helpers/kafka.ts'
import { uniqueGroup } from '../../helpers/names.ts'

/**
 * Every committed record of `topic` (workers must have finished writing: the end is taken first).
 *
 * @example
 * ```ts
 * const records = await readToEnd('eos-agg')
 * ```
 */
export async function readToEnd(topic: string, timeoutMs = 60_000, brokers?: string[]): Promise<ReadRecord[]> {
  // kafkajs lists offsets read_committed: `high` is the last stable offset.
  const ends = await withAdmin((admin) => admin.fetchTopicOffsets(topic), brokers)
  const remaining = new Map(ends.filter((e) => BigInt(e.high) > 0n).map((e) => [e.partition, BigInt(e.high)]))
  const records: ReadRecord[] = []
  if (remaining.size === 0) return records
  const consumer = kafkajsClient(brokers).consumer({ groupId: uniqueGroup('verify-end'), maxWaitTimeInMs: 200 })
  const positions = new Map<number, bigint>()
  await consumer.connect()
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const where = [...remaining].map(([p, end]) => `${p}: at ${positions.get(p) ?? 0n} of ${end}`)
        reject(new Error(`readToEnd(${topic}) stalled after ${timeoutMs} ms (${where.join(', ')})`))
      }, timeoutMs)
      consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
        const next = BigInt(payload.lastOffset) + 1n
        positions.set(payload.partition, next)
        if (next >= (remaining.get(payload.partition) ?? Number.MAX_SAFE_INTEGER)) remaining.delete(payload.partition)
        if (remaining.size === 0) {
          clearTimeout(timer)
          resolve()
        }
      })
      consumer
        .run({
          eachBatch: async ({ batch }) => {
            for (const m of batch.messages) {
              records.push({
                partition: batch.partition,
                offset: m.offset,
                key: m.key?.toString('utf8') ?? null,
                value: m.value?.toString('utf8') ?? null,
                headers: {},
              })
            }
          },
        })
        .catch(reject)
    })
    return records
  } finally {
    await consumer.disconnect()
  }
}
