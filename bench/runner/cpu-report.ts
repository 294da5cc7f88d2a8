/**
 * @module
 * The CPU section of BENCHMARKS.md: CPU time per input record of the workers and of the broker in
 * each throughput configuration, and the throughput bound it implies on this machine's cores, so a
 * target above that bound shows as such.
 */
import type { BenchResults, ThroughputSeries } from './plan.ts'
import { summarize } from './stats.ts'

const us = (n: number | undefined) => (n === undefined ? 'n/a' : n.toFixed(1))
const int = (n: number) => Math.round(n).toLocaleString('en-US')

/** Median CPU µs per record of a series' runs: workers, broker, and the bound on `cores` cores. */
export function cpuOf(
  s: ThroughputSeries | undefined,
  cores: number,
): { workers?: number; broker?: number; bound?: number } {
  const runs = s?.cpuUsPerRecord ?? []
  const workers = summarize(runs.map((r) => r.workers))?.median
  const brokerRuns = runs.flatMap((r) => (r.broker === undefined ? [] : [r.broker]))
  const broker = summarize(brokerRuns)?.median
  const bound = workers === undefined || broker === undefined ? undefined : (cores * 1e6) / (workers + broker)
  return {
    ...(workers === undefined ? {} : { workers }),
    ...(broker === undefined ? {} : { broker }),
    ...(bound === undefined ? {} : { bound }),
  }
}

/**
 * Renders the section.
 *
 * @example
 * ```ts
 * lines.push(...cpuSection(results, 2))
 * ```
 */
export function cpuSection(results: BenchResults, cores: number): string[] {
  const rows = results.throughput
    .filter((s) => s.implementation === 'pitwall')
    .map((pit) => {
      const base = results.throughput.find(
        (b) =>
          b.implementation === 'baseline' &&
          b.config.topology === pit.config.topology &&
          b.config.guarantee === pit.config.guarantee &&
          b.config.workers === pit.config.workers,
      )
      const p = cpuOf(pit, cores)
      const b = cpuOf(base, cores)
      const c = pit.config
      const bound = (n: number | undefined) => (n === undefined ? 'n/a' : int(n))
      return `| ${c.topology.toUpperCase()} | ${c.guarantee} | ${c.workers} | ${us(p.workers)} | ${us(p.broker)} | ${bound(p.bound)} | ${us(b.workers)} | ${us(b.broker)} | ${bound(b.bound)} |`
    })
  if (rows.length === 0) return []
  return [
    '## CPU per record (throughput runs)',
    '',
    'CPU time (user + system, /proc) of the worker processes together and of the broker, from the',
    'workers\u2019 start until the observer had seen every output, per input record (median of the repeats;',
    'the broker also serves the observer, equally in both implementations\u2019 runs). No run can beat',
    `${cores} cores x 10^6 / (worker \u00b5s + broker \u00b5s) records/s, however well it overlaps its work: the`,
    '"bound" columns.',
    '',
    '| topology | guarantee | workers | Pitwall workers \u00b5s/record | broker \u00b5s/record | bound (records/s) | baseline workers \u00b5s/record | broker \u00b5s/record | bound (records/s) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ]
}
