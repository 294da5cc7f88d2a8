/**
 * @module
 * `node bench/f1/run.ts [--profile smoke|full] [--only throughput|latency] [--cars n] [--laps n]
 * [--partitions n] [--repeats n] [--cpu-prof dir] [--write-report]`: the F1 topology through the real broker
 * (exactly_once_v2, one CLI worker, LevelDB stores), `--repeats` times (full: 3, smoke: 1; the median run is reported). Progress goes to stderr, the figures as JSON to stdout. Brokers from
 * `PITWALL_BROKERS`, else the local broker (started when not running). `--cpu-prof dir` writes the
 * worker's CPU profile of the throughput run there; `--write-report` splices the figures into
 * BENCHMARKS.md and bench/results/latest.json (smoke: bench/results/smoke.md|json).
 */
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ensureBroker } from '../../scripts/broker.ts'
import { runF1BrokerBench } from './bench.ts'
import { F1_BENCH_PROFILES } from './profiles.ts'
import { writeF1Report } from './splice-report.ts'

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: process.env.PITWALL_BENCH_PROFILE ?? 'smoke' },
    only: { type: 'string' },
    cars: { type: 'string' },
    laps: { type: 'string' },
    partitions: { type: 'string' },
    repeats: { type: 'string' },
    'cpu-prof': { type: 'string' },
    'write-report': { type: 'boolean', default: false },
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
  repeats: Number(values.repeats ?? (values.profile === 'full' ? 3 : 1)),
  ...(profDir ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] } : {}),
})
process.stdout.write(`${JSON.stringify({ bench: 'f1-broker', profile: values.profile, ...figures })}\n`)
if (values['write-report']) {
  const root = resolve(import.meta.dirname, '..', '..')
  const full = values.profile === 'full'
  const [md, json] = full
    ? ['BENCHMARKS.md', 'bench/results/latest.json']
    : ['bench/results/smoke.md', 'bench/results/smoke.json']
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
  const command = `node bench/f1/run.ts ${process.argv.slice(2).join(' ')}`
  const note = `Measured on its own with \`${command}\` on ${new Date().toISOString()} (commit ${commit}); the rest of this report comes from the run described at the top.`
  writeF1Report(resolve(root, md), resolve(root, json), figures, note)
  log(`wrote the F1 figures into ${md} and ${json}`)
}
process.exit(figures.errors.length > 0 ? 1 : 0)
