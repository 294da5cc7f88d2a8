/**
 * @module
 * Creates the F1 application's topics (topology/f1/topics.ts) on a broker when they are missing,
 * with the requested partition counts; compacted topics get `cleanup.policy=compact`. Topics never
 * expire by age by default (`retention.ms=-1`): OpenF1 replays and simulated races carry old event
 * timestamps, which the broker's time retention would delete within minutes. An optional prefix
 * namespaces every topic, so tests and scoring runs never share data with the stack.
 */
import { Kafka, logLevel } from 'kafkajs'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import { f1TopicSpecs } from '../../topology/f1/topics.ts'

/** Which topics, and how many partitions. */
export interface F1TopicOptions {
  readonly brokers: readonly string[]
  /** Partitions of per-car topics (all equal: they are co-partitioned). */
  readonly carPartitions?: number
  /** Partitions of session-keyed topics (the F1 config's `topics.sessionPartitions` must match). */
  readonly sessionPartitions?: number
  /** Prepended to every topic name, e.g. `it-42.`. */
  readonly prefix?: string
  /**
   * `retention.ms` of the created topics (default -1: never deleted by age, since replayed and
   * simulated records carry old timestamps); `null` keeps the broker's default.
   */
  readonly retentionMs?: number | null
}

/**
 * The topic configuration entries of a new F1 topic.
 *
 * @example
 * ```ts
 * f1TopicConfig({ compacted: true }, -1) // [{ name: 'cleanup.policy', value: 'compact' }, { name: 'retention.ms', value: '-1' }]
 * ```
 */
export function f1TopicConfig(
  spec: { readonly compacted: boolean },
  retentionMs: number | null = -1,
): { name: string; value: string }[] {
  return [
    ...(spec.compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : []),
    ...(retentionMs === null ? [] : [{ name: 'retention.ms', value: String(retentionMs) }]),
  ]
}

/** What {@link ensureF1Topics} found. */
export interface F1TopicReport {
  readonly created: string[]
  readonly existing: string[]
}

/**
 * Creates the missing F1 topics (RF 1, `retention.ms` from `options.retentionMs`) and waits for
 * their leaders; existing topics are kept as they are, but a per-car topic with a different partition count is an error (joins need equal
 * counts).
 *
 * @example
 * ```ts
 * const { created } = await ensureF1Topics({ brokers: ['127.0.0.1:19092'], carPartitions: 6 })
 * ```
 */
export async function ensureF1Topics(options: F1TopicOptions): Promise<F1TopicReport> {
  const prefix = options.prefix ?? ''
  const specs = f1TopicSpecs({
    ...(options.carPartitions === undefined ? {} : { carPartitions: options.carPartitions }),
    ...(options.sessionPartitions === undefined ? {} : { sessionPartitions: options.sessionPartitions }),
  }).map((spec) => ({ ...spec, name: `${prefix}${spec.name}` }))
  const kafka = new Kafka({
    clientId: 'pitwall-f1-topics',
    brokers: [...options.brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 8 },
  })
  const admin = kafka.admin()
  await admin.connect()
  try {
    const have = new Set(await admin.listTopics())
    const missing = specs.filter((spec) => !have.has(spec.name))
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({
          topic: spec.name,
          numPartitions: spec.partitions,
          replicationFactor: 1,
          configEntries: f1TopicConfig(spec, options.retentionMs),
        })),
      })
    }
    const existing = specs.filter((spec) => have.has(spec.name))
    if (existing.length > 0) {
      const metadata = await admin.fetchTopicMetadata({ topics: existing.map((spec) => spec.name) })
      for (const topic of metadata.topics) {
        const spec = existing.find((s) => s.name === topic.name)!
        if (spec.keyedBy === 'session:car' && topic.partitions.length !== spec.partitions) {
          throw new PitwallError(
            ErrorCodes.CONFIG_INVALID,
            `topic ${topic.name} has ${topic.partitions.length} partitions, expected ${spec.partitions}: delete it or use the same partition count`,
            { details: { topic: topic.name, have: topic.partitions.length, expected: spec.partitions } },
          )
        }
      }
    }
    return { created: missing.map((spec) => spec.name), existing: existing.map((spec) => spec.name) }
  } finally {
    await admin.disconnect()
  }
}

/**
 * Deletes the topics of a prefixed run: its F1 topics and the application's internal topics.
 *
 * @example
 * ```ts
 * await deleteF1Run(['127.0.0.1:19092'], 'it-7.', 'it-7')
 * ```
 */
export async function deleteF1Run(brokers: readonly string[], prefix: string, applicationId: string): Promise<void> {
  if (prefix === '') throw new PitwallError(ErrorCodes.CONFIG_INVALID, 'deleteF1Run: refusing an empty prefix')
  const kafka = new Kafka({ clientId: 'pitwall-f1-topics', brokers: [...brokers], logLevel: logLevel.NOTHING })
  const admin = kafka.admin()
  await admin.connect()
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix) || t.startsWith(`${applicationId}-`))
    if (topics.length > 0) await admin.deleteTopics({ topics })
  } finally {
    await admin.disconnect()
  }
}
