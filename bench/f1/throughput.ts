/**
 * @module
 * Throughput of the F1 topology through the broker: a seeded race is preloaded into fresh topics,
 * then one worker (the CLI, exactly_once_v2, LevelDB stores) starts; events/s = input records /
 * time from the worker's spawn until a read_committed observer has seen every raw record on the
 * clean or quarantine topic and the worker has committed every input partition to its end.
 */
import { loadavg } from 'node:os'
import type { SimulatorOptions } from '../../connectors/simulator/config.ts'
import { committedToEnd } from './committed.ts'
import { observeF1 } from './observer.ts'
import { preloadRace } from './race-producer.ts'
import { prepareF1Run } from './run-setup.ts'

/** The figures of one throughput run. */
export interface F1ThroughputFigures {
  readonly cars: number
  readonly laps: number
  readonly carPartitions: number
  readonly inputRecords: number
  readonly rawRecords: number
  readonly perTopic: Record<string, number>
  readonly preloadMs: number
  readonly ms: number
  readonly eventsPerSecond: number
  /** Worker start-up excluded: events / time from the first visible output to the end. */
  readonly steadyEventsPerSecond: number
  /** From the worker's spawn to its first visible output, ms. */
  readonly startupMs: number
  /** Worker CPU (user + system, start-up included) per input event, µs. */
  readonly workerCpuUsPerEvent: number
  readonly eventsPerWorkerCpuSecond: number
  readonly peakRssMiB: number
  readonly loadAverage1m: number
}

/** Options of a throughput run. */
export interface F1ThroughputOptions {
  readonly race: SimulatorOptions & { cars: number; laps: number }
  readonly timeoutMs: number
  readonly carPartitions: number
  /** Node flags of the worker, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
  readonly nodeFlags?: readonly string[]
}

/**
 * Runs one throughput measurement.
 *
 * @example
 * ```ts
 * const f = await measureF1Throughput(['127.0.0.1:19092'], { race: { seed: 1, cars: 50, laps: 1 }, timeoutMs: 600_000 }, console.log)
 * ```
 */
export async function measureF1Throughput(
  brokers: readonly string[],
  options: F1ThroughputOptions,
  log: (line: string) => void,
): Promise<F1ThroughputFigures> {
  const run = await prepareF1Run(brokers, 'tp', log, options.carPartitions)
  log(`f1 throughput: preloading ${options.race.cars} cars x ${options.race.laps} lap(s) into ${run.target.prefix}*`)
  const preload = await preloadRace(run.target, options.race, (n) => log(`  preloaded ${n.toLocaleString('en-US')}`))
  log(
    `  preloaded ${preload.records.toLocaleString('en-US')} records (${preload.rawRecords.toLocaleString('en-US')} raw) in ${(preload.ms / 1000).toFixed(1)} s`,
  )
  const observer = await observeF1(brokers, run.clean, run.quarantine)
  const started = Date.now()
  const worker = run.startWorker(options.nodeFlags)
  const progress = setInterval(() => {
    const s = (Date.now() - started) / 1000
    log(
      `  ${s.toFixed(0)} s: ${observer.seen().toLocaleString('en-US')} of ${preload.rawRecords.toLocaleString('en-US')} raw records out`,
    )
  }, 5000)
  try {
    const failed = run.workerFailed(worker)
    const outAt = await Promise.race([observer.reached(preload.rawRecords, options.timeoutMs), failed])
    let failure: unknown
    failed.catch((error) => {
      failure = error
    })
    const committedAt = await committedToEnd(brokers, run.id, run.inputTopics, options.timeoutMs, () => failure)
    const doneAt = Math.max(outAt, committedAt)
    const cpuMs = worker.cpuMs()
    const firstAt = observer.firstSeenAt() ?? started
    const ms = doneAt - started
    const load = loadavg()[0]!
    const rss = await run.cleanup(worker)
    log(`  done: outputs at ${outAt - started} ms, offsets committed at ${committedAt - started} ms`)
    return {
      cars: options.race.cars,
      laps: options.race.laps,
      carPartitions: options.carPartitions,
      inputRecords: preload.records,
      rawRecords: preload.rawRecords,
      perTopic: preload.perTopic,
      preloadMs: Math.round(preload.ms),
      ms,
      eventsPerSecond: Math.round((preload.records / ms) * 1000),
      steadyEventsPerSecond: Math.round((preload.records / (doneAt - firstAt)) * 1000),
      startupMs: firstAt - started,
      workerCpuUsPerEvent: Number(((cpuMs * 1000) / preload.records).toFixed(1)),
      eventsPerWorkerCpuSecond: Math.round((preload.records / cpuMs) * 1000),
      peakRssMiB: Math.round(rss / 2 ** 20),
      loadAverage1m: Number(load.toFixed(2)),
    }
  } catch (error) {
    await run.cleanup(worker)
    throw error
  } finally {
    clearInterval(progress)
    await observer.close()
  }
}
