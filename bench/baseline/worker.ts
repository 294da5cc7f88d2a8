/**
 * @module
 * The kafkajs baseline worker: T1 or T2 as a plain consume-transform-produce loop. Exactly-once:
 * one transaction per fetched batch with the input offsets sent inside it (sendOffsets);
 * at-least-once: plain sends, offsets committed every commit interval after the sends succeed.
 * Run as a child process by the suites (bench/workload/workers.ts).
 */
import { Kafka, logLevel } from 'kafkajs'
import { readWorkerSpec } from '../workload/worker-spec.ts'
import { BaselineTransformer, type OutMessage } from './transformer.ts'

const spec = readWorkerSpec(process.env)
const eos = spec.guarantee === 'exactly_once_v2'
const kafka = new Kafka({ clientId: `baseline-${spec.instance}`, brokers: spec.brokers, logLevel: logLevel.ERROR })
const consumer = kafka.consumer({
  groupId: spec.applicationId,
  readUncommitted: false,
  sessionTimeout: 10_000,
  heartbeatInterval: 1000,
  maxBytesPerPartition: 1024 * 1024,
})
const producer = kafka.producer(
  eos
    ? { transactionalId: `${spec.applicationId}-${spec.instance}`, idempotent: true, maxInFlightRequests: 1 }
    : { allowAutoTopicCreation: false },
)
const transformer = new BaselineTransformer(spec.topology, spec.outputs)
const pending = new Map<string, { topic: string; partition: number; offset: string }>()
let lastCommit = Date.now()

async function commitPending(): Promise<void> {
  if (pending.size === 0) return
  const offsets = [...pending.values()]
  pending.clear()
  lastCommit = Date.now()
  await consumer.commitOffsets(offsets)
}

await producer.connect()
await consumer.connect()
consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
  const mine = new Set(payload.memberAssignment[spec.inputTopic] ?? [])
  for (let p = 0; p < 64; p++) if (!mine.has(p)) transformer.drop(p)
})
await consumer.subscribe({ topic: spec.inputTopic, fromBeginning: true })
await consumer.run({
  autoCommit: false,
  eachBatchAutoResolve: false,
  eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return
    const out = new Map<string, OutMessage[]>()
    for (const m of batch.messages) transformer.process(batch.partition, m, out)
    const topicMessages = [...out].map(([topic, messages]) => ({ topic, messages }))
    const next = String(Number(batch.lastOffset()) + 1)
    const offsets = { topic: batch.topic, partition: batch.partition, offset: next }
    if (eos) {
      const txn = await producer.transaction()
      try {
        if (topicMessages.length > 0) await txn.sendBatch({ topicMessages })
        await txn.sendOffsets({
          consumerGroupId: spec.applicationId,
          topics: [{ topic: batch.topic, partitions: [offsets] }],
        })
        await txn.commit()
      } catch (error) {
        await txn.abort().catch(() => {})
        throw error
      }
    } else {
      if (topicMessages.length > 0) await producer.sendBatch({ topicMessages, acks: -1 })
      pending.set(`${batch.topic}/${batch.partition}`, offsets)
      if (Date.now() - lastCommit >= spec.commitIntervalMs) await commitPending()
    }
    resolveOffset(batch.lastOffset())
    await heartbeat()
  },
})
const timer = setInterval(() => {
  if (!eos) void commitPending().catch(() => {})
}, spec.commitIntervalMs)

let stopping = false
process.on('SIGTERM', () => {
  if (stopping) return
  stopping = true
  clearInterval(timer)
  void (async () => {
    await consumer.stop()
    if (!eos) await commitPending().catch(() => {})
    await consumer.disconnect()
    await producer.disconnect()
    process.exit(0)
  })()
})
console.log('ready')
