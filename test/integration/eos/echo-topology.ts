/**
 * @module
 * The topology of the runtime's exactly-once tests, written directly against the RunnableTopology
 * seam (modelled on Kafka's EOS system test): sub-topology 0 reads `<input>` (key = '0'..'999',
 * value = per-key sequence number), echoes every record to `<echo>`, keeps per-key
 * count/sum/min/max in LevelDB and emits it to `<agg>`, and re-keys by `key % 7` through a
 * repartition topic; sub-topology 1 keeps count/sum per group and emits it to `<group>`.
 * Topic names come from EOS_INPUT / EOS_ECHO / EOS_AGG / EOS_GROUP.
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { ConsumedRecord, RunnableTopology, StreamTask, TaskContext } from '../../../topology/internals/runnable.ts'
import { LevelJsonStore } from './level-store.ts'

/** Per-key aggregate kept by sub-topology 0. */
export interface Aggregate {
  count: number
  sum: number
  min: number
  max: number
}

/** Topic names of the test topology. */
export interface EchoTopics {
  input: string
  echo: string
  agg: string
  group: string
}

const dec = new TextDecoder()
const enc = new TextEncoder()

function parseSeq(record: ConsumedRecord): number {
  const text = record.value === null ? '' : dec.decode(record.value)
  const n = Number(text)
  if (text === '' || !Number.isInteger(n)) {
    throw new PitwallError(
      ErrorCodes.SERDE_DESERIALIZATION,
      `cannot deserialize record from topic '${record.topic}': '${text}' is not an integer`,
      {
        details: { topic: record.topic },
      },
    )
  }
  return n
}

class EchoTask implements StreamTask {
  readonly id: string
  readonly subtopology: number
  readonly partition: number
  readonly stores: Map<string, LevelJsonStore<Aggregate>>
  #ctx: TaskContext
  #topics: EchoTopics
  #store: LevelJsonStore<Aggregate>
  #streamTime = -1
  #current = 0

  constructor(subtopology: number, partition: number, ctx: TaskContext, topics: EchoTopics) {
    this.id = `${subtopology}_${partition}`
    this.subtopology = subtopology
    this.partition = partition
    this.#ctx = ctx
    this.#topics = topics
    this.#store = new LevelJsonStore<Aggregate>(subtopology === 0 ? 'agg' : 'group')
    this.stores = new Map([[this.#store.name, this.#store]])
  }

  async openStores(): Promise<void> {
    await this.#store.init({
      applicationId: this.#ctx.applicationId,
      taskId: this.id,
      taskDir: this.#ctx.taskDir,
      ...(this.#ctx.changelog ? { changelog: this.#ctx.changelog } : {}),
      currentTimestamp: () => this.#current,
    })
  }

  async initialize(): Promise<void> {}

  async process(record: ConsumedRecord): Promise<void> {
    this.#current = record.timestamp
    this.#streamTime = Math.max(this.#streamTime, record.timestamp)
    const seq = parseSeq(record)
    const key = dec.decode(record.key!)
    const out = this.#ctx.collector
    if (this.subtopology === 0) {
      out.send(this.#topics.echo, { key: record.key, value: record.value, timestamp: record.timestamp, headers: {} })
      out.send(this.#ctx.topicName('rekey-repartition'), {
        key: enc.encode(String(Number(key) % 7)),
        value: record.value,
        timestamp: record.timestamp,
        headers: {},
      })
    }
    const prev = await this.#store.get(key)
    const next: Aggregate = prev
      ? { count: prev.count + 1, sum: prev.sum + seq, min: Math.min(prev.min, seq), max: Math.max(prev.max, seq) }
      : { count: 1, sum: seq, min: seq, max: seq }
    await this.#store.put(key, next)
    const target = this.subtopology === 0 ? this.#topics.agg : this.#topics.group
    out.send(target, {
      key: record.key,
      value: enc.encode(JSON.stringify(next)),
      timestamp: record.timestamp,
      headers: {},
    })
  }

  async punctuate(): Promise<void> {}
  async commit(): Promise<void> {}
  streamTime(): number {
    return this.#streamTime
  }
  async close(): Promise<void> {
    await this.#store.close()
  }
}

/**
 * The test topology for the given topics.
 *
 * @example
 * ```ts
 * const runnable = echoTopology({ input: 'in', echo: 'echo', agg: 'agg', group: 'group' })
 * ```
 */
export function echoTopology(topics: EchoTopics): RunnableTopology {
  return {
    subtopologies: [
      {
        id: 0,
        sourceTopics: [topics.input],
        sinkTopics: [topics.echo, topics.agg],
        changelogTopics: new Map([['agg', 'agg-changelog']]),
      },
      {
        id: 1,
        sourceTopics: ['rekey-repartition'],
        sinkTopics: [topics.group],
        changelogTopics: new Map([['group', 'group-changelog']]),
      },
    ],
    internalTopics: [
      { name: 'rekey-repartition', kind: 'repartition', config: {} },
      { name: 'agg-changelog', kind: 'changelog', config: { 'cleanup.policy': 'compact' } },
      { name: 'group-changelog', kind: 'changelog', config: { 'cleanup.policy': 'compact' } },
    ],
    copartitionGroups: [],
    createTask: (subtopology, partition, ctx) => new EchoTask(subtopology, partition, ctx, topics),
  }
}

/** The worker CLI's entry: topics from the environment. */
export default function topology(): RunnableTopology {
  const env = process.env
  return echoTopology({
    input: env.EOS_INPUT ?? 'eos-input',
    echo: env.EOS_ECHO ?? 'eos-echo',
    agg: env.EOS_AGG ?? 'eos-agg',
    group: env.EOS_GROUP ?? 'eos-group',
  })
}
