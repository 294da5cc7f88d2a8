/**
 * @module
 * Reads a whole topic with kafkajs in read_committed mode (an independent client checks what
 * Pitwall's runtime committed): from the beginning up to the end offsets seen at the start. A
 * partition is complete once its last record arrived (for topics written in transactions, the end
 * offset less the commit marker); aborted ranges are skipped by the broker, so a quiet period also ends the read.
 */
import { randomBytes } from 'node:crypto'
import { Kafka, logLevel } from 'kafkajs'

/** A record as read: key, value and header values as UTF-8 text. */
export interface TopicRecord {
  readonly partition: number
  readonly offset: number
  readonly timestamp: number
  readonly key: string | null
  readonly value: string | null
  readonly headers: Readonly<Record<string, string>>
}

/**
 * Every committed record of `topic` (written before the call).
 *
 * @example
 * ```ts
 * const anomalies = await readTopic(['127.0.0.1:19092'], 'f1.telemetry.anomalies')
 * ```
 */
export async function readTopic(
  brokers: readonly string[],
  topic: string,
  options: ScanOptions = {},
): Promise<TopicRecord[]> {
  const records: TopicRecord[] = []
  await scanTopic(brokers, topic, (record) => records.push(record), options)
  return records
}

/** How long {@link scanTopic} waits, and whether the topic is written in transactions. */
export interface ScanOptions {
  readonly idleMs?: number
  readonly timeoutMs?: number
  readonly transactional?: boolean
}

/**
 * Hands every committed record of `topic` (written before the call) to `visit`, keeping none: for
 * topics too large to hold, e.g. the clean samples of a whole race. Returns how many were visited.
 *
 * @example
 * ```ts
 * const n = await scanTopic(['127.0.0.1:19092'], 'f1.telemetry.clean', () => {})
 * ```
 */
export async function scanTopic(
  brokers: readonly string[],
  topic: string,
  visit: (record: TopicRecord) => void,
  options: ScanOptions = {},
): Promise<number> {
  const kafka = new Kafka({ clientId: 'pitwall-f1-reader', brokers: [...brokers], logLevel: logLevel.NOTHING })
  const admin = kafka.admin()
  await admin.connect()
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect())
  const waiting = new Map(
    ends
      .filter((p) => Number(p.high) > Number(p.low))
      .map((p) => [p.partition, Number(p.high) - (options.transactional === false ? 1 : 2)]),
  )
  let visited = 0
  if (waiting.size === 0) return visited
  const consumer = kafka.consumer({
    groupId: `pitwall-f1-reader-${randomBytes(6).toString('hex')}`,
    readUncommitted: false,
    maxWaitTimeInMs: 200,
    maxBytes: 50 * 1024 * 1024,
  })
  await consumer.connect()
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true })
    await new Promise<void>((resolve, reject) => {
      const idleMs = options.idleMs ?? 5000
      let idle = setTimeout(resolve, idleMs * 3)
      const limit = setTimeout(() => {
        clearTimeout(idle)
        resolve()
      }, options.timeoutMs ?? 120_000)
      const finish = () => {
        clearTimeout(idle)
        clearTimeout(limit)
        resolve()
      }
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            for (const m of batch.messages) {
              visited++
              visit({
                partition: batch.partition,
                offset: Number(m.offset),
                timestamp: Number(m.timestamp),
                key: m.key?.toString('utf8') ?? null,
                value: m.value?.toString('utf8') ?? null,
                headers: Object.fromEntries(
                  Object.entries(m.headers ?? {}).map(([k, v]) => [k, v?.toString('utf8') ?? '']),
                ),
              })
              const target = waiting.get(batch.partition)
              if (target !== undefined && Number(m.offset) >= target) waiting.delete(batch.partition)
            }
            clearTimeout(idle)
            if (waiting.size === 0) finish()
            else idle = setTimeout(finish, idleMs)
          },
        })
        .catch(reject)
    })
    return visited
  } finally {
    await consumer.disconnect()
  }
}
