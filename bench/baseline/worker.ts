/**
 * @module
 * The kafkajs baseline worker: T1 or T2 as a plain consume-transform-produce loop. Exactly-once:
 * one transaction per fetched batch with the input offsets sent inside it (sendOffsets);
 * at-least-once: plain sends, offsets committed every commit interval after the sends succeed.
 * After every group join, T2's in-memory state is rebuilt by replaying the records before the
 * committed offsets with outputs suppressed (`replay.ts`).
 * Run as a child process by the suites (bench/workload/workers.ts).
 */
import { Kafka, logLevel } from 'kafkajs'
import { readWorkerSpec } from '../workload/worker-spec.ts'
import { Replay } from './replay.ts'
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
// T2's state spans at most two 1 s windows of a partition: every car of the throughput workload
// (50 samples per window each), or the latency runs' 10,000 records/s over 6 partitions.
const replay = new Replay(spec.topology === 't2' ? 10_000 : 0)
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
// After a join kafkajs resumes every assigned partition at its committed offset: state is rebuilt
// by replay (replay.ts), so none is kept.
consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
  for (let p = 0; p < 64; p++) transformer.drop(p)
  pending.clear()
  replay.assigned(payload.memberAssignment[spec.inputTopic] ?? [])
})
// A crash kafkajs does not restart leaves the process idle: exit, so the bench reports it.
consumer.on(consumer.events.CRASH, ({ payload }) => {
  if (payload.restart) return
  console.error(`baseline consumer crashed: ${payload.error.stack ?? payload.error}`)
  process.exit(1)
})
await consumer.subscribe({ topic: spec.inputTopic, fromBeginning: true })
await consumer.run({
  autoCommit: false,
  eachBatchAutoResolve: false,
  eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return
    const action = replay.onBatch(batch.partition, BigInt(batch.firstOffset()!))
    if (action.kind === 'seek') {
      consumer.seek({ topic: batch.topic, partition: batch.partition, offset: String(action.offset) })
      return
    }
    if (action.kind === 'stale') return
    const out = new Map<string, OutMessage[]>()
    const replayed = new Map<string, OutMessage[]>()
    for (const m of batch.messages) {
      const suppressed = replay.suppressed(batch.partition, BigInt(m.offset))
      transformer.process(batch.partition, m, suppressed ? replayed : out)
    }
    if (replay.suppressed(batch.partition, BigInt(batch.lastOffset()))) {
      resolveOffset(batch.lastOffset())
      await heartbeat()
      return
    }
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
