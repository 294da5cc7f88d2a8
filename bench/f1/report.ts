/**
 * @module
 * The F1 broker bench's part of BENCHMARKS.md: its rows of the Targets table and its section,
 * every figure with the 1-minute load average it was measured under (the machine is shared).
 */
import type { F1BrokerFigures } from './bench.ts'

const int = (n: number) => Math.round(n).toLocaleString('en-US')
const check = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : '**not met**')

/**
 * The F1 rows of the Targets table.
 *
 * @example
 * ```ts
 * f1Targets(results.f1) // ['| F1 topology ... | 31,000 events/s | **not met** |', ...]
 * ```
 */
export function f1Targets(f1: F1BrokerFigures | undefined): string[] {
  const t = f1?.throughput
  const l = f1?.latency
  const runs = (n: number | undefined) => (n && n > 1 ? `, median of ${n} runs` : '')
  return [
    `| F1 topology, exactly-once, 1 worker, 50 cars >= 50,000 events/s | ${t ? `${int(t.eventsPerSecond)} (${t.cars} cars${runs(f1?.throughputRuns?.length)})` : 'n/a'} | ${check(t ? t.eventsPerSecond >= 50_000 : undefined)} |`,
    `| F1 topology, 50 cars in real time: p99 end-to-end latency < 250 ms | ${l ? `${int(l.p99)} ms (${l.cars} cars${runs(f1?.latencyRuns?.length)})` : 'n/a'} | ${check(l ? l.p99 < 250 : undefined)} |`,
  ]
}

/**
 * The section "F1 topology through the broker (exactly_once_v2, 1 worker)".
 *
 * @example
 * ```ts
 * const md = f1Section(results.f1).join('\n')
 * ```
 */
export function f1Section(f1: F1BrokerFigures | undefined): string[] {
  const head = [
    '## F1 topology through the broker (exactly_once_v2, 1 worker)',
    '',
    'The whole F1 topology (topology/f1) run by the worker CLI (`topology/cli/worker.ts`, one process,',
    "exactly_once_v2, commit interval 100 ms, LevelDB stores, the stack's partitions per car topic) on",
    'topics of its own (`bench/f1/`, `node bench/f1/run.ts --profile full`). **Throughput**: a seeded simulated race',
    'preloaded, then input events (raw telemetry, laps, drivers, sessions, race control) / time from',
    "the worker's spawn until a read_committed observer has seen every raw record on",
    '`f1.telemetry.clean` or `f1.telemetry.quarantine` and the group has committed every input',
    'partition to its end. **Latency**: the simulator in real time (~95 records/s per car) into a',
    'caught-up worker; time a clean record is visible to the observer - its record timestamp (the',
    'send time).',
    '',
  ]
  if (!f1) return [...head, 'Not run.', '']
  const t = f1.throughput
  const l = f1.latency
  const tRuns = f1.throughputRuns ?? []
  const lRuns = f1.latencyRuns ?? []
  return [
    ...head,
    ...(tRuns.length > 1 || lRuns.length > 1
      ? ['The median run of each kind is shown; every run is listed at the end of the table.', '']
      : []),
    '| figure | value | load average (1 min) |',
    '|---|---|---|',
    ...(t
      ? [
          `| throughput: ${t.cars} cars x ${t.laps} lap(s), ${int(t.inputRecords)} events (${int(t.rawRecords)} raw), ${t.carPartitions} partitions per car topic | **${int(t.eventsPerSecond)} events/s** (${(t.ms / 1000).toFixed(1)} s, worker start-up included) | ${t.loadAverage1m} |`,
          `| throughput after the worker's start-up (${(t.startupMs / 1000).toFixed(1)} s to its first visible output) | ${int(t.steadyEventsPerSecond)} events/s | ${t.loadAverage1m} |`,
          `| worker CPU per event (user + system, start-up included) | ${t.workerCpuUsPerEvent} µs (${int(t.eventsPerWorkerCpuSecond)} events per CPU second) | ${t.loadAverage1m} |`,
          `| worker peak RSS (throughput run) | ${t.peakRssMiB} MiB | ${t.loadAverage1m} |`,
        ]
      : []),
    ...(l
      ? [
          `| latency: ${l.cars} cars in real time (${int(l.rawPerSecond)} raw events/s), ${l.carPartitions} partitions per car topic, ${l.measuredSeconds} s, ${int(l.samples)} clean records | p50 ${int(l.p50)} ms, **p99 ${int(l.p99)} ms**, max ${int(l.max)} ms; ${l.secondsOver250ms} of ${l.measuredSeconds} s had a record over 250 ms | ${l.loadAverage1m} |`,
          `| worker peak RSS (latency run) | ${l.peakRssMiB} MiB | ${l.loadAverage1m} |`,
        ]
      : []),
    ...(tRuns.length > 1
      ? [
          `| every throughput run (events/s) | ${tRuns.map((r) => int(r.eventsPerSecond)).join(', ')} | ${tRuns.map((r) => r.loadAverage1m).join(', ')} |`,
        ]
      : []),
    ...(lRuns.length > 1
      ? [
          `| every latency run (p50 / p99 ms) | ${lRuns.map((r) => `${int(r.p50)} / ${int(r.p99)}`).join(', ')} | ${lRuns.map((r) => r.loadAverage1m).join(', ')} |`,
        ]
      : []),
    '',
    ...(f1.errors.length > 0 ? ['Failures:', '', ...f1.errors.map((e) => `- ${e}`), ''] : []),
  ]
}
