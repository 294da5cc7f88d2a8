/**
 * @module
 * Writes BENCHMARKS.md (human) and bench/results/<name>.json (raw) from a bench run: machine and
 * command, the broker's limit, throughput and latency as median (min-max) with the ratio to the
 * baseline of the same run, peak RSS per worker, the targets, and the other parts' figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { f1Section, f1Targets } from '../f1/report.ts'
import { cpuOf, cpuSection } from './cpu-report.ts'
import type { MachineInfo } from './machine.ts'
import type { BenchResults, LatencySeries, ThroughputSeries } from './plan.ts'
import type { BenchProfile, Configuration } from './profiles.ts'
import { type Stats, summarize } from './stats.ts'

const int = (n: number) => Math.round(n).toLocaleString('en-US')
const mib = (b: number) => `${Math.round(b / 2 ** 20)} MiB`
const range = (s: Stats | undefined, f: (n: number) => string = int) =>
  s ? `${f(s.median)} (${f(s.min)}-${f(s.max)})` : 'n/a'
const same = (a: Configuration, b: Configuration) =>
  a.topology === b.topology && a.guarantee === b.guarantee && a.workers === b.workers

function rss(series: { peakRssBytes: number[][] } | undefined): string {
  if (!series || series.peakRssBytes.length === 0) return 'n/a'
  const workers = series.peakRssBytes[0]!.length
  return Array.from({ length: workers }, (_, w) => mib(Math.max(...series.peakRssBytes.map((r) => r[w] ?? 0)))).join(
    ' / ',
  )
}

function throughputRows(results: BenchResults): string[] {
  const rows: string[] = []
  for (const base of results.throughput.filter((s) => s.implementation === 'baseline')) {
    const pit = results.throughput.find((s) => s.implementation === 'pitwall' && same(s.config, base.config))
    const p = summarize(pit?.recordsPerSecond ?? [])
    const b = summarize(base.recordsPerSecond)
    const ratio = p && b ? `${(p.median / b.median).toFixed(2)}x` : 'n/a'
    const c = base.config
    rows.push(
      `| ${c.topology.toUpperCase()} | ${c.guarantee} | ${c.workers} | ${range(p)} | ${range(b)} | ${ratio} | ${rss(pit)} | ${rss(base)} |`,
    )
  }
  return rows
}

function latencyRows(results: BenchResults): string[] {
  const ms = (n: number) => `${Math.round(n)}`
  return results.latency.map((s: LatencySeries) => {
    const c = s.config
    return `| ${s.implementation} | ${c.topology.toUpperCase()} | ${c.guarantee} | ${c.workers} | ${range(summarize(s.p50), ms)} | ${range(summarize(s.p99), ms)} | ${range(summarize(s.max), ms)} | ${rss(s)} |`
  })
}

function find(results: BenchResults, impl: string, topology: string, guarantee: string, workers: number) {
  const s = results.throughput.find(
    (x: ThroughputSeries) =>
      x.implementation === impl &&
      x.config.topology === topology &&
      x.config.guarantee === guarantee &&
      x.config.workers === workers,
  )
  return summarize(s?.recordsPerSecond ?? [])?.median
}

/** What 5x the baseline would need, against the CPU bound of Pitwall's own T1 run. */
function fiveX(results: BenchResults, t1Base: number, cores: number): string {
  const pit = results.throughput.find(
    (x) =>
      x.implementation === 'pitwall' &&
      x.config.topology === 't1' &&
      x.config.guarantee === 'exactly_once_v2' &&
      x.config.workers === 1,
  )
  const { bound } = cpuOf(pit, cores)
  return bound === undefined
    ? ''
    : ` (5x = ${int(5 * t1Base)} records/s; the CPU bound of Pitwall's run, workers + broker, is ${int(bound)})`
}

function targets(results: BenchResults, cores: number): string[] {
  const t1 = find(results, 'pitwall', 't1', 'exactly_once_v2', 1)
  const t1Base = find(results, 'baseline', 't1', 'exactly_once_v2', 1)
  const t2 = find(results, 'pitwall', 't2', 'exactly_once_v2', 1)
  const limit = summarize(results.limits.map((l) => l.produceConsumeRps))?.median
  const check = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : '**not met**')
  return [
    `| T1, exactly-once, 1 worker >= 100,000 records/s | ${t1 ? int(t1) : 'n/a'} | ${check(t1 === undefined ? undefined : t1 >= 100_000)} |`,
    `| T1, exactly-once, 1 worker >= 5x the kafkajs baseline | ${t1 && t1Base ? `${(t1 / t1Base).toFixed(2)}x${fiveX(results, t1Base, cores)}` : 'n/a'} | ${check(t1 && t1Base ? t1 / t1Base >= 5 : undefined)} |`,
    `| T2, exactly-once, 1 worker >= 50,000 records/s | ${t2 ? int(t2) : 'n/a'} | ${check(t2 === undefined ? undefined : t2 >= 50_000)} |`,
    `| T1 >= half of the broker's produce+consume limit | ${t1 && limit ? `${((t1 / limit) * 100).toFixed(0)} % of ${int(limit)}` : 'n/a'} | ${check(t1 && limit ? t1 >= limit / 2 : undefined)} |`,
  ]
}

function externalSection(results: BenchResults): string[] {
  if (results.external.length === 0) return ['Not run (`--only` excluded them).']
  return results.external.flatMap((e) => [
    `### ${e.name}${e.script ? ` (\`node ${e.script}\`)` : ''}`,
    '',
    ...(e.error
      ? [`Not measured: ${e.error}`]
      : ['```json', JSON.stringify(e.figures, null, 2), '```', `(${((e.ms ?? 0) / 1000).toFixed(1)} s)`]),
    '',
  ])
}

function failures(results: BenchResults): string[] {
  const all = [...results.throughput, ...results.latency].flatMap((s) =>
    s.errors.map((e) => `- ${s.implementation} ${s.config.topology} ${s.config.guarantee} ${s.config.workers}w: ${e}`),
  )
  const skipped = Object.entries(results.unavailable).map(([impl, why]) => `- ${impl} not measured: ${why}`)
  const limit = results.limitErrors.map((e) => `- broker limit: ${e}`)
  return [...skipped, ...limit, ...all]
}

/**
 * Renders BENCHMARKS.md.
 *
 * @example
 * ```ts
 * writeFileSync('BENCHMARKS.md', renderReport(machine, profile, results, 312_000))
 * ```
 */
export function renderReport(
  machine: MachineInfo,
  profile: BenchProfile,
  results: BenchResults,
  ms: number,
  partial = false,
  notes?: string,
): string {
  const limit = (f: (l: BenchResults['limits'][number]) => number) => range(summarize(results.limits.map(f)))
  const problems = failures(results)
  return [
    '# Benchmarks',
    '',
    ...(partial
      ? ['> **Partial report**: the run was still going or was interrupted; only the figures below were measured.', '']
      : []),
    'Generated by `npm run bench` (bench/run.ts); the workload, topologies and definitions are in',
    '[bench/README.md](bench/README.md). Every figure is the median of the repeats with (min-max);',
    'ratios compare medians of Pitwall and the kafkajs baseline measured in the same run.',
    '',
    '## Run',
    '',
    `- Command: \`${machine.command}\``,
    `- Profile: ${profile.name}: ${int(profile.records)} input records, ${profile.repeats} repeat(s), latency at ${int(profile.latencyRate)} records/s for ${int(profile.latencyRecords)} records; took ${(ms / 60_000).toFixed(1)} min`,
    `- Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.ramGiB} GiB RAM; Node ${machine.node}; ${machine.broker}`,
    `- Date: ${machine.date}; commit ${machine.commit}; 1-minute load average at start ${machine.loadAverage}`,
    '- The broker, the workers, the observer and the load generator share the machine: every figure includes their competition for the cores.',
    '',
    '## Physical limit (the broker alone)',
    '',
    '| figure | records/s |',
    '|---|---|',
    `| produce (batched @platformatic/kafka producer, acks=1) | ${limit((l) => l.produceRps)} |`,
    `| consume (plain read_committed consumer, no processing) | ${limit((l) => l.consumeRps)} |`,
    `| produce+consume (each record written once and read once) | ${limit((l) => l.produceConsumeRps)} |`,
    '',
    '## Targets',
    '',
    '| target | measured | |',
    '|---|---|---|',
    ...targets(results, machine.cores),
    ...f1Targets(results.f1),
    '',
    '## Throughput (records/s)',
    '',
    '| topology | guarantee | workers | Pitwall | kafkajs baseline | ratio | Pitwall peak RSS per worker | baseline peak RSS per worker |',
    '|---|---|---|---|---|---|---|---|',
    ...throughputRows(results),
    '',
    '## Latency at a fixed rate (ms, clean output)',
    '',
    '| implementation | topology | guarantee | workers | p50 | p99 | max | peak RSS per worker |',
    '|---|---|---|---|---|---|---|---|',
    ...latencyRows(results),
    '',
    ...cpuSection(results, machine.cores),
    ...f1Section(results.f1),
    '## Figures of the other parts',
    '',
    ...externalSection(results),
    '## Failures and gaps',
    '',
    ...(problems.length > 0 ? problems : ['None.']),
    '',
    ...(notes === undefined ? [] : ['## Notes (hand-written: bench/notes.md)', '', notes.trim(), '']),
  ].join('\n')
}

/**
 * Writes the report and the raw results.
 *
 * @example
 * ```ts
 * writeReports('BENCHMARKS.md', 'bench/results/latest.json', machine, profile, results, ms)
 * ```
 */
export function writeReports(
  markdownPath: string,
  jsonPath: string,
  machine: MachineInfo,
  profile: BenchProfile,
  results: BenchResults,
  ms: number,
  partial = false,
  notes?: string,
): void {
  mkdirSync(dirname(markdownPath), { recursive: true })
  mkdirSync(dirname(jsonPath), { recursive: true })
  writeFileSync(markdownPath, renderReport(machine, profile, results, ms, partial, notes))
  writeFileSync(jsonPath, `${JSON.stringify({ machine, profile, ms, partial, results }, null, 2)}\n`)
}
