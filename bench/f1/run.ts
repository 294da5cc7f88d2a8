/**
 * @module
 * `node bench/f1/run.ts [--profile smoke|full] [--only throughput|latency] [--cars n] [--laps n]
 * [--partitions n] [--cpu-prof dir]`: the F1 topology through the real broker (exactly_once_v2, one CLI worker,
 * LevelDB stores). Progress goes to stderr, the figures as JSON to stdout. Brokers from
 * `PITWALL_BROKERS`, else the local broker (started when not running). `--cpu-prof dir` writes the
 * worker's CPU profile of the throughput run there.
 */
import { parseArgs } from 'node:util'
import { ensureBroker } from '../../scripts/broker.ts'
import { runF1BrokerBench } from './bench.ts'
import { F1_BENCH_PROFILES } from './profiles.ts'

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: process.env.PITWALL_BENCH_PROFILE ?? 'smoke' },
    only: { type: 'string' },
    cars: { type: 'string' },
    laps: { type: 'string' },
    partitions: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
})
const base = F1_BENCH_PROFILES[values.profile === 'full' ? 'full' : 'smoke']
const profile = {
  ...base,
  ...(values.partitions ? { carPartitions: Number(values.partitions) } : {}),
  throughput: {
    ...base.throughput,
    ...(values.cars ? { cars: Number(values.cars) } : {}),
    ...(values.laps ? { laps: Number(values.laps) } : {}),
  },
}
const brokers = process.env.PITWALL_BROKERS?.split(',') ?? (await ensureBroker()).brokers
const began = Date.now()
const log = (line: string) =>
  process.stderr.write(`[f1 bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}\n`)
const profDir = values['cpu-prof']
const figures = await runF1BrokerBench(brokers, profile, log, {
  throughput: values.only !== 'latency',
  latency: values.only !== 'throughput',
  ...(profDir ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] } : {}),
})
process.stdout.write(`${JSON.stringify({ bench: 'f1-broker', profile: values.profile, ...figures })}\n`)
process.exit(figures.errors.length > 0 ? 1 : 0)
