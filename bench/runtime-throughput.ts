/**
 * @module
 * A quick local measurement of the runtime (not the suites of bench/run.ts): preloads N reference
 * records, runs T1 (parse/validate, split, map, two sinks; stateless) with one in-process
 * PitwallStreams worker and prints JSON with records/s (wall clock and per CPU-second of the worker
 * process) from the moment the worker is running until
 * the group has committed the end of every input partition.
 *
 * `node bench/runtime-throughput.ts [--records 500000] [--partitions 4] [--guarantee exactly_once_v2]
 * [--commit-interval-ms n]` (at_least_once commits every 30 s by default, which the end-of-input wait sees)
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Admin } from '@platformatic/kafka'
import { consoleLogger } from '../topology/runtime/logger.ts'
import { PitwallStreams } from '../topology/runtime/pitwall-streams.ts'
import { buildTopology } from './pitwall/topologies.ts'
import { preload } from './workload/preload.ts'
import { outputTopics } from './workload/reference.ts'
import { createTopics, deleteTopics, endOffsets } from './workload/topics.ts'

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '500000' },
    partitions: { type: 'string', default: '4' },
    guarantee: { type: 'string', default: 'exactly_once_v2' },
    'commit-interval-ms': { type: 'string' },
    brokers: { type: 'string', default: process.env.PITWALL_BROKERS ?? '127.0.0.1:19092' },
  },
})
const records = Number(values.records)
const partitions = Number(values.partitions)
const guarantee = values.guarantee as 'exactly_once_v2' | 'at_least_once'
const target = { brokers: values.brokers!.split(',') }
const run = `rt-tput-${process.pid}-${Date.now().toString(36)}`
const input = `${run}-input`
const out = outputTopics(run)
const quiet = process.env.BENCH_VERBOSE
  ? consoleLogger(run)
  : { info() {}, debug() {}, warn: console.error, error: console.error }

async function committedAll(admin: Admin, ends: Map<number, bigint>): Promise<boolean> {
  const groups = await admin.listConsumerGroupOffsets({ groups: [run] })
  const committed = groups[0]?.topics.find((t) => t.name === input)?.partitions ?? []
  return [...ends].every(([p, end]) => committed.find((c) => c.partitionIndex === p)?.committedOffset === end)
}

await createTopics(target, [input, out.clean, out.quarantine], partitions)
const stateDir = await mkdtemp(join(tmpdir(), 'pitwall-tput-'))
const admin = new Admin({ clientId: run, bootstrapBrokers: target.brokers })
try {
  const loaded = await preload(target, input, 0, records)
  const ends = new Map((await endOffsets(target, [input], partitions)).map((e) => [e.partition, e.highWatermark]))
  const streams = new PitwallStreams(buildTopology('t1', input, out), {
    applicationId: run,
    brokers: target.brokers,
    processingGuarantee: guarantee,
    ...(values['commit-interval-ms'] ? { commitIntervalMs: Number(values['commit-interval-ms']) } : {}),
    stateDir,
    workerId: 'w1',
    deadLetterTopic: out.quarantine,
    deserializationErrorHandler: () => 'continue',
    logger: quiet,
  })
  let runningAt = 0
  let cpuAtRunning = process.cpuUsage()
  streams.onStateChange((s) => {
    if (s === 'running' && runningAt === 0) {
      runningAt = performance.now()
      cpuAtRunning = process.cpuUsage()
    }
  })
  const started = performance.now()
  await streams.start()
  while (!(await committedAll(admin, ends))) await new Promise((r) => setTimeout(r, 100))
  const done = performance.now()
  const cpu = process.cpuUsage(cpuAtRunning)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  await streams.close()
  const seconds = (done - (runningAt || started)) / 1000
  console.log(
    JSON.stringify({
      guarantee,
      records,
      partitions,
      preloadRecordsPerSecond: Math.round(loaded.records / (loaded.ms / 1000)),
      seconds: Number(seconds.toFixed(2)),
      recordsPerSecond: Math.round(records / seconds),
      // The machine is shared: records per CPU-second of this process is steadier than wall clock.
      workerCpuSeconds: Number(cpuSeconds.toFixed(2)),
      recordsPerWorkerCpuSecond: Math.round(records / cpuSeconds),
      loadAverage: (await import('node:os')).loadavg()[0],
      startupMs: Math.round((runningAt || started) - started),
    }),
  )
} finally {
  await admin.close()
  await deleteTopics(target, [input, out.clean, out.quarantine]).catch(() => {})
  await rm(stateDir, { recursive: true, force: true })
}
