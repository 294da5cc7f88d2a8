/**
 * @module
 * One measured run: create fresh output topics, start the workers, observe until all expected
 * output is visible (throughput) or feed a fixed rate and record latencies (latency), stop the
 * workers and keep their peak RSS.
 */

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import { cpuMsOf } from '../workload/cpu.ts'
import { observe } from '../workload/observer.ts'
import { produceAtRate } from '../workload/preload.ts'
import type { Guarantee, TopologyName } from '../workload/reference.ts'
import { outputTopics, REFERENCE, topicsOf } from '../workload/reference.ts'
import { type ClusterTarget, createTopics, deleteTopics, listTopics } from '../workload/topics.ts'
import type { WorkerSpec } from '../workload/worker-spec.ts'
import { startWorker, type WorkerProcess } from '../workload/workers.ts'

/** What one run measures. */
export interface RunConfig {
  readonly implementation: WorkerSpec['implementation']
  readonly topology: TopologyName
  readonly guarantee: Guarantee
  readonly workers: number
  readonly inputTopic: string
  readonly records: number
  /** Expected count per output role (clean, quarantine, metrics, anomalies). */
  readonly expected: { clean: number; quarantine: number; metrics: number; anomalies: number }
  readonly timeoutMs: number
}

/** The result of one throughput run. */
export interface ThroughputResult {
  readonly ms: number
  readonly recordsPerSecond: number
  readonly peakRssBytes: number[]
  /** CPU time per input record until the output was complete: the workers' (summed), the broker's (when local). */
  readonly cpuUsPerRecord: { readonly workers: number; readonly broker?: number }
}

let runCounter = 0

function newRun(target: ClusterTarget, config: RunConfig, log: (line: string) => void) {
  const id = `bench-${process.pid}-${Date.now().toString(36)}-${runCounter++}`
  const outputs = outputTopics(id)
  const stateDir = mkdtempSync(join(tmpdir(), 'pitwall-bench-'))
  const topics = topicsOf(config.topology, outputs)
  const expected: Record<string, number> = {
    [outputs.clean]: config.expected.clean,
    [outputs.quarantine]: config.expected.quarantine,
  }
  if (config.topology === 't2') {
    expected[outputs.metrics] = config.expected.metrics
    expected[outputs.anomalies] = config.expected.anomalies
  }
  const start = (): WorkerProcess[] =>
    Array.from({ length: config.workers }, (_, instance) =>
      startWorker(
        {
          implementation: config.implementation,
          topology: config.topology,
          guarantee: config.guarantee,
          applicationId: id,
          instance,
          brokers: target.brokers,
          inputTopic: config.inputTopic,
          outputs,
          commitIntervalMs: 100,
          stateDir: join(stateDir, String(instance)),
        },
        (line) => log(line),
      ),
    )
  const cleanup = async (workers: WorkerProcess[]) => {
    const rss = await Promise.all(workers.map((w) => w.stop()))
    const internal = await listTopics(target, `${id}-`).catch(() => [])
    await deleteTopics(target, [...new Set([...topics, ...internal])]).catch(() => {})
    rmSync(stateDir, { recursive: true, force: true })
    return rss
  }
  return { id, outputs, topics, expected, start, cleanup }
}

/**
 * Measures throughput: input records / time from starting the workers until the observer has
 * seen every expected output record.
 *
 * @example
 * ```ts
 * const r = await measureThroughput(target, config, console.log)
 * console.log(r.recordsPerSecond)
 * ```
 */
export async function measureThroughput(
  target: ClusterTarget,
  config: RunConfig,
  log: (line: string) => void,
): Promise<ThroughputResult> {
  const run = newRun(target, config, log)
  await createTopics(target, run.topics, REFERENCE.partitions)
  const observer = await observe(target, {
    expected: run.expected,
    onProgress: (c) => log(`  seen ${JSON.stringify(c)}`),
  })
  const brokerCpu = () => (target.brokerPid === undefined ? undefined : cpuMsOf(target.brokerPid))
  const brokerBefore = brokerCpu()
  const started = Date.now()
  const workers = run.start()
  try {
    const doneAt = await Promise.race([observer.completed(config.timeoutMs), failedWorker(workers)])
    const brokerAfter = brokerCpu()
    const perRecord = (cpuMs: number) => (cpuMs * 1000) / config.records
    const cpuUsPerRecord = {
      workers: perRecord(workers.reduce((sum, w) => sum + w.cpuMs(), 0)),
      ...(brokerBefore === undefined || brokerAfter === undefined
        ? {}
        : { broker: perRecord(brokerAfter - brokerBefore) }),
    }
    const ms = doneAt - started
    return {
      ms,
      recordsPerSecond: (config.records / ms) * 1000,
      peakRssBytes: await run.cleanup(workers),
      cpuUsPerRecord,
    }
  } catch (error) {
    await run.cleanup(workers)
    throw error
  } finally {
    await observer.close()
  }
}

/** The result of one latency run. */
export interface LatencyResult {
  readonly p50: number
  readonly p99: number
  readonly max: number
  readonly samples: number
  readonly peakRssBytes: number[]
}

/**
 * Measures latency at a fixed rate into a running pipeline: workers start on an empty input
 * topic, then `records` records are sent at `rate` records/s with send-time timestamps.
 *
 * @example
 * ```ts
 * const r = await measureLatency(target, config, 10_000, console.log)
 * console.log(r.p50, r.p99)
 * ```
 */
export async function measureLatency(
  target: ClusterTarget,
  config: RunConfig,
  rate: number,
  log: (line: string) => void,
): Promise<LatencyResult> {
  const run = newRun(target, config, log)
  await createTopics(target, [...run.topics, config.inputTopic], REFERENCE.partitions)
  const observer = await observe(target, {
    expected: { [run.outputs.clean]: config.expected.clean },
    latencyTopic: run.outputs.clean,
  })
  const workers = run.start()
  try {
    await new Promise((r) => setTimeout(r, 8000))
    const load = produceAtRate(target, config.inputTopic, 0, rate, config.records)
    await Promise.race([load.finished, failedWorker(workers)])
    await Promise.race([observer.completed(config.timeoutMs), failedWorker(workers)])
    const sorted = observer.latencies().sort()
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
    const peakRssBytes = await run.cleanup(workers)
    await deleteTopics(target, [config.inputTopic]).catch(() => {})
    return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN, samples: sorted.length, peakRssBytes }
  } catch (error) {
    await run.cleanup(workers)
    throw error
  } finally {
    await observer.close()
  }
}

function failedWorker(workers: WorkerProcess[]): Promise<never> {
  return new Promise((_, reject) => {
    for (const w of workers) {
      void w.exited.then((code) =>
        reject(
          new PitwallError(ErrorCodes.RUNTIME_STATE, `bench: worker ${w.pid} exited early (${code})`, {
            details: { stderr: w.stderrTail() },
          }),
        ),
      )
    }
  })
}
