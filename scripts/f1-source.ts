/**
 * @module
 * `node scripts/f1-source.ts <simulator|udp|openf1> [options]`: produces an F1 source's records
 * (event model, JSON values keyed `session:car` or `session`) to the F1 topics, creating missing
 * topics first (topology/f1/topics.ts; `--partitions` per-car partitions), with a batched
 * idempotent producer. Prints a JSON progress line every `--progress-ms` and a summary at the end.
 * - simulator: `--cars 20 --laps 55 --seed 1 --anomalies 3 [--realtime --speed 1] [--loop]
 *   [--truth .cache/f1/truth-{session}.json]` (ground truth JSON written when each race ends)
 * - udp: `--port 20777` (live F1 23/24/25 game telemetry; Ctrl-C stops) or `--capture file [--speed 1]`
 * - openf1: `--dir <dump directory> [--speed 1|Infinity]`
 * Common: `--brokers host:port` (default PITWALL_BROKERS, else the local broker), `--topic-prefix p`,
 * `--batch 5000`, `--linger-ms 50`, `--no-create`.
 */
import { parseArgs } from 'node:util'
import { loadConfig } from '../core/config.ts'
import { describeError, ErrorCodes, PitwallError } from '../core/errors.ts'
import type { F1Record } from '../topology/f1/topics.ts'
import { RecordProducer } from './f1/record-producer.ts'
import { openF1Source, simulatorSource, udpSource } from './f1/sources.ts'
import { ensureF1Topics } from './f1/topic-setup.ts'

const defaults = loadConfig({ env: process.env, argv: [] })
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    brokers: { type: 'string', default: (defaults.brokers ?? [`127.0.0.1:${defaults.kafkaPort}`]).join(',') },
    partitions: { type: 'string', default: String(defaults.partitions) },
    'session-partitions': { type: 'string', default: '1' },
    'topic-prefix': { type: 'string', default: '' },
    'no-create': { type: 'boolean', default: false },
    cars: { type: 'string', default: String(defaults.cars) },
    laps: { type: 'string', default: '55' },
    seed: { type: 'string', default: String(defaults.seed) },
    anomalies: { type: 'string', default: '3' },
    realtime: { type: 'boolean', default: false },
    loop: { type: 'boolean', default: false },
    truth: { type: 'string', default: '.cache/f1/truth-{session}.json' },
    speed: { type: 'string' },
    port: { type: 'string', default: '20777' },
    capture: { type: 'string' },
    dir: { type: 'string' },
    batch: { type: 'string', default: '5000' },
    'linger-ms': { type: 'string', default: '50' },
    'progress-ms': { type: 'string', default: '10000' },
  },
})

function emit(line: object): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`)
}

function source(kind: string | undefined, signal: AbortSignal): AsyncIterable<F1Record> {
  if (kind === 'simulator') {
    return simulatorSource(
      {
        race: {
          cars: Number(values.cars),
          laps: Number(values.laps),
          seed: Number(values.seed),
          anomaliesPerType: Number(values.anomalies),
          mode: values.realtime ? 'realtime' : 'fast',
          speedFactor: Number(values.speed ?? 1),
        },
        loop: values.loop,
        truthFile: values.truth,
        onRaceEnd: (race) => emit({ event: 'race-end', ...race }),
      },
      signal,
    )
  }
  if (kind === 'udp') {
    return udpSource(
      {
        port: Number(values.port),
        ...(values.capture === undefined ? {} : { capture: values.capture }),
        speed: Number(values.speed ?? 1),
        log: (line) => emit({ event: 'udp', message: line }),
      },
      signal,
    )
  }
  if (kind === 'openf1') {
    if (values.dir === undefined) throw new PitwallError(ErrorCodes.CONFIG_INVALID, 'openf1: --dir <dump> is required')
    return openF1Source({ dir: values.dir, speed: Number(values.speed ?? 1) }, signal)
  }
  throw new PitwallError(ErrorCodes.CONFIG_INVALID, `unknown source '${kind}': use simulator, udp or openf1`)
}

async function main(): Promise<void> {
  const kind = positionals[0]
  const brokers = values.brokers.split(',')
  const abort = new AbortController()
  process.on('SIGINT', () => abort.abort())
  process.on('SIGTERM', () => abort.abort())
  const records = source(kind, abort.signal)
  if (!values['no-create']) {
    const topics = await ensureF1Topics({
      brokers,
      carPartitions: Number(values.partitions),
      sessionPartitions: Number(values['session-partitions']),
      prefix: values['topic-prefix'],
    })
    if (topics.created.length > 0) emit({ event: 'topics-created', topics: topics.created })
  }
  const producer = await RecordProducer.connect({
    brokers,
    topicPrefix: values['topic-prefix'],
    batchSize: Number(values.batch),
    lingerMs: Number(values['linger-ms']),
  })
  const began = performance.now()
  const progressMs = Number(values['progress-ms'])
  const progress =
    progressMs > 0
      ? setInterval(() => emit({ event: 'progress', produced: Object.fromEntries(producer.counts) }), progressMs)
      : undefined
  try {
    for await (const record of records) {
      await producer.add(record)
      if (abort.signal.aborted) break
    }
  } finally {
    clearInterval(progress)
    await producer.close()
  }
  const elapsedMs = performance.now() - began
  emit({
    event: 'done',
    source: kind,
    records: producer.total,
    elapsedMs: Math.round(elapsedMs),
    recordsPerSecond: Math.round((producer.total / elapsedMs) * 1000),
    produced: Object.fromEntries(producer.counts),
  })
}

main().catch((error) => {
  process.stderr.write(`f1-source: ${describeError(error)}\n`)
  process.exit(1)
})
