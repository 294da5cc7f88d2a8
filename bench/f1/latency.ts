/**
 * @module
 * End-to-end latency of the F1 topology at the realistic load: one worker (the CLI,
 * exactly_once_v2, LevelDB stores) runs on fresh topics, the simulator sends a 50-car race in real
 * time (~95 records/s per car) stamped with the send time; once the worker's first clean output
 * is visible plus a warm-up, `seconds` of records are measured: latency = time a clean record is
 * visible to a read_committed observer - its record timestamp (its send time).
 */
import { loadavg } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import type { SimulatorOptions } from '../../connectors/simulator/config.ts'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import { observeF1 } from './observer.ts'
import { liveRace } from './race-producer.ts'
import { prepareF1Run } from './run-setup.ts'

/** The figures of one latency run. */
export interface F1LatencyFigures {
  readonly cars: number
  readonly carPartitions: number
  readonly measuredSeconds: number
  /** Raw records/s sent during the whole run. */
  readonly rawPerSecond: number
  readonly samples: number
  readonly p50: number
  readonly p99: number
  readonly max: number
  /** Seconds of the measurement with at least one clean record over 250 ms: a steady or a bursty tail. */
  readonly secondsOver250ms: number
  readonly peakRssMiB: number
  readonly loadAverage1m: number
}

/** Options of a latency run. */
export interface F1LatencyOptions {
  readonly race: SimulatorOptions & { cars: number }
  readonly seconds: number
  readonly warmupSeconds: number
  readonly timeoutMs: number
  readonly carPartitions: number
  /** Node flags of the worker, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[]
}

/**
 * The `q` quantile of sorted values (nearest rank).
 *
 * @example
 * ```ts
 * quantile(Float64Array.of(1, 2, 3, 4), 0.5) // 3
 * ```
 */
export function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

/**
 * Runs one latency measurement.
 *
 * @example
 * ```ts
 * const f = await measureF1Latency(brokers, { race: { seed: 2, cars: 50, laps: 3 }, seconds: 30, warmupSeconds: 5, timeoutMs: 120_000 }, console.log)
 * ```
 */
export async function measureF1Latency(
  brokers: readonly string[],
  options: F1LatencyOptions,
  log: (line: string) => void,
): Promise<F1LatencyFigures> {
  const run = await prepareF1Run(brokers, 'lat', log, options.carPartitions)
  const observer = await observeF1(brokers, run.clean, run.quarantine)
  const worker = run.startWorker(options.nodeFlags)
  const failed = run.workerFailed(worker)
  const race = liveRace(run.target, options.race)
  const began = Date.now()
  try {
    log(`f1 latency: ${options.race.cars} cars in real time into ${run.target.prefix}*, waiting for the first output`)
    while (observer.firstSeenAt() === undefined) {
      await Promise.race([sleep(100), failed])
      if (Date.now() - began > options.timeoutMs) {
        throw new PitwallError(ErrorCodes.RUNTIME_STATE, 'f1 bench: the worker produced no clean output')
      }
    }
    const from = observer.firstSeenAt()! + options.warmupSeconds * 1000
    log(
      `  first clean output after ${observer.firstSeenAt()! - began} ms; measuring ${options.seconds} s after a ${options.warmupSeconds} s warm-up`,
    )
    const until = from + options.seconds * 1000
    while (Date.now() < until) {
      await Promise.race([sleep(Math.min(5000, Math.max(1, until - Date.now()))), failed])
      const lat = observer.latencies(from).sort()
      if (lat.length > 0) log(`  ${lat.length} samples: p50 ${quantile(lat, 0.5)} ms, p99 ${quantile(lat, 0.99)} ms`)
    }
    const sent = await race.stop()
    await Promise.race([observer.reached(sent.rawRecords, options.timeoutMs), failed])
    const lat = observer.latencies(from).sort()
    const worst = observer.worstPerBucket(from, 1000).slice(0, options.seconds)
    const load = loadavg()[0]!
    const rss = await run.cleanup(worker)
    return {
      cars: options.race.cars,
      carPartitions: options.carPartitions,
      measuredSeconds: options.seconds,
      rawPerSecond: Math.round((sent.rawRecords / sent.ms) * 1000),
      samples: lat.length,
      p50: quantile(lat, 0.5),
      p99: quantile(lat, 0.99),
      max: lat.at(-1) ?? Number.NaN,
      secondsOver250ms: worst.filter((w) => w > 250).length,
      peakRssMiB: Math.round(rss / 2 ** 20),
      loadAverage1m: Number(load.toFixed(2)),
    }
  } catch (error) {
    await race.stop().catch(() => {})
    await run.cleanup(worker)
    throw error
  } finally {
    await observer.close()
  }
}
