/**
 * @module
 * Throughput of the whole F1 topology: a simulated race of 50 cars (by default) is generated
 * first, then piped through the topology in the TopologyTestDriver (memory stores unless
 * `--stores leveldb`, commit every 1000 records, no output kept); prints JSON with events/s of
 * wall and of CPU time and the load average (the machine is shared). The runtime under
 * exactly-once is measured by the bench harness once the F1 worker runs there.
 * `node bench/f1-topology.ts [--cars 50] [--laps 1] [--stores memory|leveldb] [--profile loop.cpuprofile]`.
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { Simulator } from '../connectors/simulator/simulator.ts'
import { buildF1Topology } from '../topology/f1/pipeline/topology.ts'
import { F1Topics } from '../topology/f1/topics.ts'
import { Serdes } from '../topology/serdes.ts'
import { TopologyTestDriver } from '../topology/test-driver/index.ts'

const { values } = parseArgs({
  options: {
    cars: { type: 'string', default: '50' },
    laps: { type: 'string', default: '1' },
    stores: { type: 'string', default: 'memory' },
    // writes a .cpuprofile of the timed loop only (not the simulation before it)
    profile: { type: 'string' },
  },
})
const cars = Number(values.cars)
const sim = new Simulator({ seed: 1, cars, laps: Number(values.laps), anomaliesPerType: 2 })
const encoder = new TextEncoder()
// keys and values are bytes before timing starts, as a consumer hands them to the runtime
const records: Array<{ topic: string; key: Uint8Array; value: Uint8Array; timestamp: number }> = []
for (const batch of sim.batches()) {
  for (const r of batch)
    records.push({ ...r, key: encoder.encode(r.key), value: encoder.encode(JSON.stringify(r.value)) })
}
const storeType = values.stores === 'leveldb' ? 'leveldb' : 'memory'
const topology = buildF1Topology({ stores: { type: storeType } })
const read = new Set(topology.runnable().subtopologies.flatMap((s) => s.sourceTopics))
// nothing reads the outputs: the driver keeps none of them
const driver = new TopologyTestDriver(topology, { commitEvery: 1000, retainUnreadOutput: 0 })
const inputs = new Map(
  [...read].map((topic) => [topic, driver.createInputTopic(topic, Serdes.bytes(), Serdes.bytes())] as const),
)
const rssBefore = process.memoryUsage().rss
const profiler = values.profile === undefined ? undefined : await startProfiler()
const started = performance.now()
const cpuBefore = process.cpuUsage()
let piped = 0
for (const r of records) {
  const input = inputs.get(r.topic)
  if (input === undefined) continue
  await input.pipeInput(r.key, r.value, r.timestamp)
  piped++
}
const elapsedMs = performance.now() - started
const cpu = process.cpuUsage(cpuBefore)
const cpuMs = (cpu.user + cpu.system) / 1000
if (profiler !== undefined) writeFileSync(values.profile!, JSON.stringify(await profiler.stop()))
await driver.close()
process.stdout.write(
  `${JSON.stringify({
    bench: 'f1-topology',
    runner: 'topology-test-driver',
    guarantee: 'none (in-process driver)',
    cars,
    laps: Number(values.laps),
    stores: storeType,
    events: piped,
    rawEvents: records.filter((r) => r.topic === F1Topics.telemetryRaw.name).length,
    elapsedMs: Math.round(elapsedMs),
    eventsPerSecond: Math.round((piped / elapsedMs) * 1000),
    // CPU time of this process (all its threads, GC included): steadier than wall time on a shared machine
    cpuMs: Math.round(cpuMs),
    eventsPerCpuSecond: Math.round((piped / cpuMs) * 1000),
    loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
    rssMiB: Math.round(process.memoryUsage().rss / 1048576),
    rssGrowthMiB: Math.round((process.memoryUsage().rss - rssBefore) / 1048576),
  })}\n`,
)

async function startProfiler(): Promise<{ stop(): Promise<unknown> }> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop')
      session.disconnect()
      return profile
    },
  }
}
