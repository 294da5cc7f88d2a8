/**
 * @module
 * `pitwall` F1 sources to the broker: `node scripts/f1-source.ts <simulator|udp|openf1> --brokers
 * host:port [options]`. Each source yields event-model records (`F1Record`: topic, key, value,
 * timestamp); they are produced as JSON to their topics (f1.telemetry.raw, f1.laps, f1.drivers,
 * f1.sessions, f1.race-control) with an idempotent kafkajs producer, in batches.
 * - simulator: `--cars 20 --laps 55 --seed 1 --anomalies 3 [--realtime --speed 1]`
 * - udp: `--port 20777` (F1 23/24/25 game telemetry; Ctrl-C stops)
 * - openf1: `--dir <dump directory> [--speed 1|Infinity]`
 */
import { parseArgs } from 'node:util'
import { Kafka } from 'kafkajs'
import { UdpListener } from '../connectors/f1-udp/listener.ts'
import { udpRecords } from '../connectors/f1-udp/source.ts'
import { OpenF1Replay } from '../connectors/openf1/replay.ts'
import { Simulator } from '../connectors/simulator/simulator.ts'
import { ErrorCodes, PitwallError } from '../core/errors.ts'

interface OutRecord {
  readonly topic: string
  readonly key: string
  readonly value: unknown
  readonly timestamp: number
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    brokers: { type: 'string', default: process.env.PITWALL_BROKERS ?? 'localhost:9092' },
    cars: { type: 'string', default: '20' },
    laps: { type: 'string', default: '55' },
    seed: { type: 'string', default: '1' },
    anomalies: { type: 'string', default: '3' },
    realtime: { type: 'boolean', default: false },
    speed: { type: 'string', default: '1' },
    port: { type: 'string', default: '20777' },
    dir: { type: 'string' },
    batch: { type: 'string', default: '2000' },
  },
})

function source(kind: string | undefined, signal: AbortSignal): AsyncIterable<OutRecord> {
  if (kind === 'simulator') {
    const sim = new Simulator({
      cars: Number(values.cars),
      laps: Number(values.laps),
      seed: Number(values.seed),
      anomaliesPerType: Number(values.anomalies),
      mode: values.realtime ? 'realtime' : 'fast',
      speedFactor: Number(values.speed),
    })
    return sim.records(signal)
  }
  if (kind === 'udp') {
    const listener = new UdpListener({ port: Number(values.port) })
    signal.addEventListener('abort', () => void listener.close())
    return udpRecords(listener)
  }
  if (kind === 'openf1') {
    if (values.dir === undefined) throw new PitwallError(ErrorCodes.CONFIG_INVALID, 'openf1: --dir <dump> is required')
    const replay = new OpenF1Replay(values.dir, { speed: Number(values.speed), signal })
    return replay
  }
  throw new PitwallError(ErrorCodes.CONFIG_INVALID, `unknown source '${kind}': use simulator, udp or openf1`)
}

const abort = new AbortController()
process.on('SIGINT', () => abort.abort())
process.on('SIGTERM', () => abort.abort())
const kafka = new Kafka({ clientId: 'pitwall-f1-source', brokers: values.brokers.split(','), logLevel: 1 })
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 })
await producer.connect()
const batchSize = Number(values.batch)
let pending = new Map<string, Array<{ key: string; value: string; timestamp: string }>>()
let buffered = 0
let sent = 0
const flush = async () => {
  if (buffered === 0) return
  const topicMessages = [...pending].map(([topic, messages]) => ({ topic, messages }))
  pending = new Map()
  sent += buffered
  buffered = 0
  await producer.sendBatch({ topicMessages, acks: -1 })
}
for await (const r of source(positionals[0], abort.signal)) {
  let list = pending.get(r.topic)
  if (list === undefined) {
    list = []
    pending.set(r.topic, list)
  }
  list.push({ key: r.key, value: JSON.stringify(r.value), timestamp: String(r.timestamp) })
  if (++buffered >= batchSize) await flush()
}
await flush()
await producer.disconnect()
process.stdout.write(`${JSON.stringify({ source: positionals[0], records: sent })}\n`)
