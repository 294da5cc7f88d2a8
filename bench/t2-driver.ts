/**
 * @module
 * `node bench/t2-driver.ts [--records n] [--commit-every n] [--topology t1|t2]`: the reference T2
 * topology (bench/pitwall/topologies.ts: T1 plus the 1 s window aggregate with suppress and the
 * last-sample store, on LevelDB) through the TopologyTestDriver, no broker: records per second of
 * wall and of CPU time (the process's user + system time, steadier on a loaded machine), as JSON.
 */
import { parseArgs } from 'node:util'
import { Serdes, TopologyTestDriver } from '../topology/index.ts'
import { buildTopology } from './pitwall/topologies.ts'
import { encodeSample, generate } from './workload/generator.ts'
import { outputTopics, type TopologyName } from './workload/reference.ts'

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '50000' },
    'commit-every': { type: 'string', default: '1000' },
    topology: { type: 'string', default: 't2' },
  },
})
const RECORDS = Number(args.records)
const out = outputTopics('bench')
const driver = new TopologyTestDriver(buildTopology(args.topology as TopologyName, 'input', out), {
  commitEvery: Number(args['commit-every']),
})
try {
  const input = driver.createInputTopic('input', Serdes.string(), Serdes.bytes())
  const metrics = driver.createOutputTopic(out.metrics, Serdes.string(), Serdes.string())
  const records = Array.from({ length: RECORDS }, (_, n) => generate(n))
  const values = records.map((r) => encodeSample(r.sample))
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  for (let i = 0; i < RECORDS; i++) await input.pipeInput(records[i]!.key, values[i]!, records[i]!.timestamp)
  const seconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  console.log(
    JSON.stringify({
      benchmark: `${args.topology}-driver`,
      records: RECORDS,
      commitEvery: Number(args['commit-every']),
      recordsPerSec: Math.round(RECORDS / seconds),
      recordsPerCpuSecond: Math.round(RECORDS / cpuSeconds),
      metricsRecords: metrics.readRecordsToList().length,
    }),
  )
} finally {
  await driver.close()
}
