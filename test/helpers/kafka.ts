/**
 * @module
 * Broker-side helpers for integration tests, on kafkajs (an independent client, so that what Pitwall
 * writes with @platformatic/kafka is checked by another implementation): the brokers of the run,
 * topic creation, and reading a topic from the start in read_committed mode.
 */
import { type Admin, Kafka, logLevel } from 'kafkajs'
import { inject } from 'vitest'
import { uniqueGroup } from './names.ts'

/** A record as read back: key and value as UTF-8 strings, plus where it was. */
export interface ReadRecord {
  partition: number
  offset: string
  key: string | null
  value: string | null
  headers: Record<string, string>
}

/**
 * The brokers of this test run (from the global setup).
 *
 * @example
 * ```ts
 * const brokers = testBrokers() // ['127.0.0.1:19092']
 * ```
 */
export function testBrokers(): string[] {
  return inject('brokers')
}

/**
 * A kafkajs client on the test brokers, quiet: failures surface as rejected promises.
 *
 * @example
 * ```ts
 * const admin = kafkajsClient().admin()
 * ```
 */
export function kafkajsClient(brokers = testBrokers()): Kafka {
  return new Kafka({ clientId: 'pitwall-it', brokers, logLevel: logLevel.NOTHING, retry: { retries: 8 } })
}

/**
 * Runs `work` with a connected kafkajs admin client and disconnects afterwards.
 *
 * @example
 * ```ts
 * await withAdmin((admin) => admin.listTopics())
 * ```
 */
export async function withAdmin<T>(work: (admin: Admin) => Promise<T>, brokers = testBrokers()): Promise<T> {
  const admin = kafkajsClient(brokers).admin()
  await admin.connect()
  try {
    return await work(admin)
  } finally {
    await admin.disconnect()
  }
}

/**
 * Creates topics (RF 1) and waits until they have leaders.
 *
 * @example
 * ```ts
 * await createTopics([uniqueTopic('in')], 3)
 * ```
 */
export async function createTopics(topics: string[], partitions = 1, brokers = testBrokers()): Promise<void> {
  await withAdmin(async (admin) => {
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
      waitForLeaders: true,
    })
  }, brokers)
}

/**
 * Reads `topic` from the beginning with a fresh kafkajs consumer in read_committed mode until `count`
 * records arrived (or `until` says so), failing after `timeoutMs`. Aborted and still-open transactional
 * records are never returned: that is what read_committed guarantees.
 *
 * @example
 * ```ts
 * const records = await readCommitted(topic, { count: 3 })
 * ```
 */
export async function readCommitted(
  topic: string,
  options: {
    count?: number
    until?: (records: ReadRecord[]) => boolean
    timeoutMs?: number
    brokers?: string[]
    /** Read in read_uncommitted mode instead: only to show what read_committed hides. */
    readUncommitted?: boolean
  },
): Promise<ReadRecord[]> {
  const done = options.until ?? ((records: ReadRecord[]) => records.length >= (options.count ?? 1))
  const timeoutMs = options.timeoutMs ?? 30_000
  const consumer = kafkajsClient(options.brokers).consumer({
    groupId: uniqueGroup('verify'),
    readUncommitted: options.readUncommitted ?? false,
    maxWaitTimeInMs: 200,
  })
  const records: ReadRecord[] = []
  await consumer.connect()
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`readCommitted(${topic}): got ${records.length} records in ${timeoutMs} ms`)),
        timeoutMs,
      )
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            records.push({
              partition,
              offset: message.offset,
              key: message.key?.toString('utf8') ?? null,
              value: message.value?.toString('utf8') ?? null,
              headers: Object.fromEntries(
                Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? '']),
              ),
            })
            if (done(records)) {
              clearTimeout(timer)
              resolve()
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
