/**
 * @module
 * Restoration benchmark of the runtime: fills a store's changelog topic with N distinct keys (as
 * the store would log them: string keys, JSON values), measures the raw
 * read_committed fetch rate of that topic with Pitwall's fetcher (the baseline: nothing can restore
 * faster than it can be read), then starts a fresh PitwallStreams worker whose task restores the
 * LevelDB store from the changelog, and prints JSON with both rates.
 *
 * `node bench/restore.ts [--keys 1000000] [--brokers 127.0.0.1:19092]`
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Consumer, type MessageToProduce, Producer } from '@platformatic/kafka'
import type { KeyValueStore } from '../stores/api.ts'
import { Consumed, Materialized, Serdes, StreamsBuilder } from '../topology/index.ts'
import { fetchPartitions } from '../topology/runtime/fetcher.ts'
import { PitwallStreams } from '../topology/runtime/pitwall-streams.ts'
import { createTopics, deleteTopics } from './workload/topics.ts'

const { values } = parseArgs({
  options: {
    keys: { type: 'string', default: '1000000' },
    brokers: { type: 'string', default: process.env.PITWALL_BROKERS ?? '127.0.0.1:19092' },
  },
})
const keys = Number(values.keys)
const brokers = values.brokers!.split(',')
const app = `rt-restore-${process.pid}-${Date.now().toString(36)}`
const input = `${app}-input`
const changelog = `${app}-kv-changelog`
const quiet = { info() {}, debug() {}, warn: console.error, error: console.error }
const seconds = (from: number) => (performance.now() - from) / 1000

function storedValue(n: number): Buffer {
  return Buffer.from(JSON.stringify({ n, car: n % 20, lap: n % 70 }))
}

async function fill(): Promise<number> {
  const producer = new Producer({ clientId: app, bootstrapBrokers: brokers, acks: 1, retries: 5 })
  const started = performance.now()
  let next = 0
  const lane = async () => {
    while (next < keys) {
      const from = next
      next = Math.min(keys, from + 5_000)
      const messages: MessageToProduce<Buffer, Buffer, Buffer, Buffer>[] = []
      for (let n = from; n < next; n++) {
        messages.push({
          topic: changelog,
          partition: 0,
          key: Buffer.from(`key-${n}`),
          value: storedValue(n),
        })
      }
      await producer.send({ messages })
    }
  }
  await Promise.all([lane(), lane(), lane(), lane()])
  await producer.close()
  return seconds(started)
}

async function rawFetch(): Promise<{ records: number; seconds: number }> {
  const consumer = new Consumer({ clientId: `${app}-raw`, groupId: `${app}-raw`, bootstrapBrokers: brokers })
  consumer.topics.trackAll(changelog)
  try {
    const end = (await consumer.listOffsets({ topics: [changelog], isolationLevel: 1 })).get(changelog)![0]!
    const started = performance.now()
    let position = 0n
    let records = 0
    while (position < end) {
      const [part] = await fetchPartitions(consumer, [{ topic: changelog, partition: 0, offset: position }], {
        maxWaitMs: 500,
        maxBytesPerPartition: 16 * 1024 * 1024,
        readCommitted: true,
      })
      records += part!.records.length
      position = part!.nextOffset
    }
    return { records, seconds: seconds(started) }
  } finally {
    await consumer.close(true)
  }
}

function topology() {
  const builder = new StreamsBuilder()
  builder
    .stream(input, Consumed.with(Serdes.string(), Serdes.json<{ n: number }>()))
    .groupByKey()
    .aggregate(
      () => ({ n: 0, car: 0, lap: 0 }),
      (_k, v, a) => ({ ...a, n: a.n + v.n }),
      Materialized.as<string, { n: number; car: number; lap: number }>('kv').withValueSerde(Serdes.json()),
    )
  return builder.build()
}

await createTopics({ brokers }, [input], 1)
await createTopics({ brokers }, [changelog], 1)
const stateDir = await mkdtemp(join(tmpdir(), 'pitwall-restore-'))
try {
  const fillSeconds = await fill()
  const raw = await rawFetch()
  const streams = new PitwallStreams(topology(), {
    applicationId: app,
    brokers,
    stateDir,
    workerId: 'w1',
    logger: quiet,
  })
  let restoreStart = 0
  let restored = 0
  let restoreSeconds = 0
  streams.onRestore((p) => {
    if (restoreStart === 0) restoreStart = performance.now()
    if (p.done) {
      restored = p.restored
      restoreSeconds = seconds(restoreStart)
    }
  })
  const started = performance.now()
  await streams.start()
  while (streams.state !== 'running') await new Promise((r) => setTimeout(r, 20))
  const untilRunning = seconds(started)
  const store = streams.localStores<KeyValueStore<string, unknown>>('kv').get('0_0')!
  const sample = await store.get(`key-${keys - 1}`)
  const entries = await store.approximateNumEntries()
  await streams.close()
  console.log(
    JSON.stringify({
      keys,
      fillRecordsPerSecond: Math.round(keys / fillSeconds),
      rawFetch: {
        records: raw.records,
        seconds: Number(raw.seconds.toFixed(2)),
        recordsPerSecond: Math.round(raw.records / raw.seconds),
      },
      restore: {
        records: restored,
        seconds: Number(restoreSeconds.toFixed(2)),
        recordsPerSecond: Math.round(restored / restoreSeconds),
        startToRunningSeconds: Number(untilRunning.toFixed(2)),
      },
      check: { approximateEntries: entries, lastKey: sample },
    }),
  )
} finally {
  await deleteTopics({ brokers }, [input, changelog]).catch(() => {})
  await rm(stateDir, { recursive: true, force: true })
}
