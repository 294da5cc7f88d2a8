/**
 * @module
 * The two bench profiles: `smoke` (minutes, for CI: a small input and one repeat) and `full` (the
 * reference workload: 2,000,000 records, every configuration, three repeats), and the command
 * line that picks and overrides one.
 */
import { parseArgs } from 'node:util'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { Guarantee, TopologyName } from '../workload/reference.ts'
import { REFERENCE } from '../workload/reference.ts'

/** One throughput or latency configuration. */
export interface Configuration {
  readonly topology: TopologyName
  readonly guarantee: Guarantee
  readonly workers: number
}

/** Everything a bench run does. */
export interface BenchProfile {
  readonly name: 'smoke' | 'full'
  readonly records: number
  readonly repeats: number
  readonly throughput: readonly Configuration[]
  readonly latency: readonly Configuration[]
  readonly latencyRate: number
  readonly latencyRecords: number
  readonly timeoutMs: number
  readonly brokers?: string[]
  /** Only these implementations (`pitwall`, `baseline`) or figure groups (`limit`, `latency`, `external`). */
  readonly only?: readonly string[]
}

const every = (workers: number[]): Configuration[] =>
  (['t1', 't2'] as const).flatMap((topology) =>
    (['exactly_once_v2', 'at_least_once'] as const).flatMap((guarantee) =>
      workers.map((w) => ({ topology, guarantee, workers: w })),
    ),
  )

/** The built-in profiles. */
export const PROFILES: Record<'smoke' | 'full', BenchProfile> = {
  smoke: {
    name: 'smoke',
    records: 100_000,
    repeats: 1,
    throughput: every([1]),
    latency: [
      { topology: 't1', guarantee: 'exactly_once_v2', workers: 1 },
      { topology: 't1', guarantee: 'at_least_once', workers: 1 },
    ],
    latencyRate: REFERENCE.latencyRate,
    latencyRecords: 50_000,
    timeoutMs: 180_000,
  },
  full: {
    name: 'full',
    records: REFERENCE.throughputRecords,
    repeats: 3,
    throughput: every([1, 2]),
    latency: every([1]),
    latencyRate: REFERENCE.latencyRate,
    latencyRecords: 300_000,
    timeoutMs: 900_000,
  },
}

/**
 * Reads `--profile`, `--repeats`, `--records`, `--brokers` and `--only` from the command line.
 *
 * @example
 * ```ts
 * parseProfile(['--profile', 'smoke']).records // 100_000
 * ```
 */
export function parseProfile(argv: string[]): BenchProfile {
  const { values } = parseArgs({
    args: argv,
    options: {
      profile: { type: 'string', default: 'smoke' },
      repeats: { type: 'string' },
      records: { type: 'string' },
      brokers: { type: 'string' },
      only: { type: 'string' },
    },
    strict: true,
  })
  const base = PROFILES[values.profile as 'smoke' | 'full']
  if (!base) {
    throw new PitwallError(ErrorCodes.CONFIG_INVALID, `bench: --profile must be smoke or full, got ${values.profile}`)
  }
  const positive = (name: string, v: string | undefined, fallback: number) => {
    if (v === undefined) return fallback
    const n = Number(v)
    if (!Number.isInteger(n) || n <= 0)
      throw new PitwallError(ErrorCodes.CONFIG_INVALID, `bench: --${name} must be a positive integer`)
    return n
  }
  return {
    ...base,
    repeats: positive('repeats', values.repeats, base.repeats),
    records: positive('records', values.records, base.records),
    ...(values.brokers ? { brokers: values.brokers.split(',') } : {}),
    ...(values.only ? { only: values.only.split(',') } : {}),
  }
}
