/**
 * @module
 * The F1 broker bench as one call: throughput (preloaded race) then latency (real-time race),
 * each figure kept even when the other fails.
 */
import { type F1LatencyFigures, measureF1Latency } from './latency.ts'
import type { F1BenchProfile } from './profiles.ts'
import { type F1ThroughputFigures, measureF1Throughput } from './throughput.ts'

/** The figures of a run of the F1 broker bench. */
export interface F1BrokerFigures {
  readonly throughput?: F1ThroughputFigures
  readonly latency?: F1LatencyFigures
  readonly errors: string[]
}

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
  parts: { throughput?: boolean; latency?: boolean; nodeFlags?: readonly string[] } = {},
): Promise<F1BrokerFigures> {
  const errors: string[] = []
  const describe = (what: string, error: unknown) => {
    const stderr = (error as { details?: { stderr?: string } }).details?.stderr
    // where it came from, for errors that say little ("This server does not host this topic-partition")
    const at = error instanceof Error ? (error.stack?.split('\n')[1]?.trim() ?? '') : ''
    const message = error instanceof Error ? `${error.message} (${at})` : String(error)
    return `${what}: ${message}${stderr ? ` (${stderr.split('\n').slice(-3).join(' | ')})` : ''}`
  }
  let throughput: F1ThroughputFigures | undefined
  let latency: F1LatencyFigures | undefined
  if (parts.throughput !== false) {
    try {
      throughput = await measureF1Throughput(
        brokers,
        {
          race: profile.throughput,
          timeoutMs: profile.timeoutMs,
          carPartitions: profile.carPartitions,
          ...(parts.nodeFlags ? { nodeFlags: parts.nodeFlags } : {}),
        },
        log,
      )
      log(
        `f1 throughput: ${throughput.eventsPerSecond.toLocaleString('en-US')} events/s (${throughput.inputRecords.toLocaleString('en-US')} events in ${throughput.ms} ms; worker ${throughput.workerCpuUsPerEvent} µs CPU/event, peak RSS ${throughput.peakRssMiB} MiB; load ${throughput.loadAverage1m})`,
      )
    } catch (error) {
      errors.push(describe('throughput', error))
      log(`f1 throughput FAILED: ${errors.at(-1)}`)
    }
  }
  if (parts.latency !== false) {
    try {
      const { seconds, warmupSeconds, ...race } = profile.latency
      latency = await measureF1Latency(
        brokers,
        {
          race: { ...race, laps: 10 },
          seconds,
          warmupSeconds,
          timeoutMs: profile.timeoutMs,
          carPartitions: profile.carPartitions,
          ...(parts.nodeFlags ? { nodeFlags: parts.nodeFlags } : {}),
        },
        log,
      )
      log(
        `f1 latency: p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms (${latency.samples} samples at ${latency.rawPerSecond} raw/s; peak RSS ${latency.peakRssMiB} MiB; load ${latency.loadAverage1m})`,
      )
    } catch (error) {
      errors.push(describe('latency', error))
      log(`f1 latency FAILED: ${errors.at(-1)}`)
    }
  }
  return { ...(throughput ? { throughput } : {}), ...(latency ? { latency } : {}), errors }
}
