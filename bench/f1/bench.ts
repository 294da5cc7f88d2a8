/**
 * @module
 * The F1 broker bench as one call: throughput (preloaded race) then latency (real-time race),
 * `repeats` times each (the machine is shared: figures swing with its load), each figure kept
 * even when another run fails. The report shows the median run with every run's headline figure.
 */
import { type F1LatencyFigures, measureF1Latency } from './latency.ts'
import type { F1BenchProfile } from './profiles.ts'
import { type F1ThroughputFigures, measureF1Throughput } from './throughput.ts'

/** The figures of a run of the F1 broker bench. */
export interface F1BrokerFigures {
  /** The run with the median events/s. */
  readonly throughput?: F1ThroughputFigures
  /** The run with the median p99. */
  readonly latency?: F1LatencyFigures
  /** Every throughput run, in order. */
  readonly throughputRuns?: F1ThroughputFigures[]
  /** Every latency run, in order. */
  readonly latencyRuns?: F1LatencyFigures[]
  readonly errors: string[]
}

/** What to run. */
export interface F1BenchParts {
  readonly throughput?: boolean
  readonly latency?: boolean
  readonly repeats?: number
  readonly nodeFlags?: readonly string[]
}

/**
 * The run whose `figure` is the median (the lower middle one of an even count).
 *
 * @example
 * ```ts
 * medianRun([{ p99: 300 }, { p99: 200 }, { p99: 700 }], (r) => r.p99) // { p99: 300 }
 * ```
 */
export function medianRun<T>(runs: readonly T[], figure: (run: T) => number): T | undefined {
  const sorted = [...runs].sort((a, b) => figure(a) - figure(b))
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

function describe(what: string, error: unknown): string {
  const stderr = (error as { details?: { stderr?: string } }).details?.stderr
  // where it came from, for errors that say little ("This server does not host this topic-partition")
  const at = error instanceof Error ? (error.stack?.split('\n')[1]?.trim() ?? '') : ''
  const message = error instanceof Error ? `${error.message} (${at})` : String(error)
  return `${what}: ${message}${stderr ? ` (${stderr.split('\n').slice(-3).join(' | ')})` : ''}`
}

const int = (n: number) => Math.round(n).toLocaleString('en-US')

/**
 * Runs throughput and latency (or one of them) with the settings of `profile`.
 *
 * @example
 * ```ts
 * const figures = await runF1BrokerBench(['127.0.0.1:19092'], F1_BENCH_PROFILES.smoke, console.log)
 * ```
 */
export async function runF1BrokerBench(
  brokers: readonly string[],
  profile: F1BenchProfile,
  log: (line: string) => void,
  parts: F1BenchParts = {},
): Promise<F1BrokerFigures> {
  const errors: string[] = []
  const throughputRuns: F1ThroughputFigures[] = []
  const latencyRuns: F1LatencyFigures[] = []
  const repeats = parts.repeats ?? 1
  const flags = parts.nodeFlags ? { nodeFlags: parts.nodeFlags } : {}
  for (let repeat = 1; repeat <= repeats; repeat++) {
    const of = repeats > 1 ? ` (run ${repeat}/${repeats})` : ''
    if (parts.throughput !== false) {
      try {
        const t = await measureF1Throughput(
          brokers,
          { race: profile.throughput, timeoutMs: profile.timeoutMs, carPartitions: profile.carPartitions, ...flags },
          log,
        )
        throughputRuns.push(t)
        log(
          `f1 throughput${of}: ${int(t.eventsPerSecond)} events/s (${int(t.inputRecords)} events in ${t.ms} ms; ${int(t.steadyEventsPerSecond)}/s after ${t.startupMs} ms of start-up; worker ${t.workerCpuUsPerEvent} µs CPU/event, peak RSS ${t.peakRssMiB} MiB; load ${t.loadAverage1m})`,
        )
      } catch (error) {
        errors.push(describe('throughput', error))
        log(`f1 throughput${of} FAILED: ${errors.at(-1)}`)
      }
    }
    if (parts.latency !== false) {
      try {
        const { seconds, warmupSeconds, ...race } = profile.latency
        const l = await measureF1Latency(
          brokers,
          {
            race: { ...race, laps: 10 },
            seconds,
            warmupSeconds,
            timeoutMs: profile.timeoutMs,
            carPartitions: profile.carPartitions,
            ...flags,
          },
          log,
        )
        latencyRuns.push(l)
        log(
          `f1 latency${of}: p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms (${l.samples} samples at ${l.rawPerSecond} raw/s; peak RSS ${l.peakRssMiB} MiB; load ${l.loadAverage1m})`,
        )
      } catch (error) {
        errors.push(describe('latency', error))
        log(`f1 latency${of} FAILED: ${errors.at(-1)}`)
      }
    }
  }
  const throughput = medianRun(throughputRuns, (r) => r.eventsPerSecond)
  const latency = medianRun(latencyRuns, (r) => r.p99)
  return {
    ...(throughput ? { throughput, throughputRuns } : {}),
    ...(latency ? { latency, latencyRuns } : {}),
    errors,
  }
}
