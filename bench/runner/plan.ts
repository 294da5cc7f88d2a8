/**
 * @module
 * Executes a bench profile: per repeat, a fresh input topic is preloaded (the broker-limit
 * measurement), then every configuration runs on it with the kafkajs baseline and Pitwall side by
 * side; latency runs follow; the other parts' scripts run once at the end.
 */
import { type F1BrokerFigures, runF1BrokerBench } from '../f1/bench.ts'
import { F1_BENCH_PROFILES } from '../f1/profiles.ts'
import { type BrokerLimit, measureBrokerLimit } from '../limit/broker-limit.ts'
import { expectedOutputs } from '../workload/expected.ts'
import { encodeSample, generate } from '../workload/generator.ts'
import { type ClusterTarget, deleteTopics } from '../workload/topics.ts'
import { type ExternalFigures, runExternal } from './external.ts'
import { measureLatency, measureThroughput, type RunConfig } from './measure.ts'
import type { BenchProfile, Configuration } from './profiles.ts'

/** Implementations compared in a run. */
export type Implementation = 'baseline' | 'pitwall'

/** Every run of one configuration and implementation. */
export interface ThroughputSeries {
  readonly config: Configuration
  readonly implementation: Implementation
  readonly recordsPerSecond: number[]
  readonly peakRssBytes: number[][]
  /** CPU µs per input record of each run: the workers' together, and the broker's when it is local. */
  readonly cpuUsPerRecord: { workers: number; broker?: number }[]
  readonly errors: string[]
}

/** Every latency run of one configuration and implementation. */
export interface LatencySeries {
  readonly config: Configuration
  readonly implementation: Implementation
  readonly p50: number[]
  readonly p99: number[]
  readonly max: number[]
  readonly peakRssBytes: number[][]
  readonly errors: string[]
}

/** The raw results of a bench run. */
export interface BenchResults {
  readonly limits: BrokerLimit[]
  readonly limitErrors: string[]
  readonly throughput: ThroughputSeries[]
  readonly latency: LatencySeries[]
  readonly external: ExternalFigures[]
  /** The F1 topology through the broker (bench/f1), when run. */
  readonly f1?: F1BrokerFigures
  /** Why an implementation was skipped, if it was. */
  readonly unavailable: Partial<Record<Implementation, string>>
}

type Expected = RunConfig['expected']

function expectedFor(records: number): Expected {
  function* inputs() {
    for (let n = 0; n < records; n++) {
      const r = generate(n)
      yield { key: r.key, partition: r.partition, value: encodeSample(r.sample) }
    }
  }
  const e = expectedOutputs(inputs())
  return { clean: e.clean, quarantine: e.quarantine, metrics: e.metrics.size, anomalies: e.anomalies.length }
}

function validCount(records: number): number {
  let clean = 0
  for (let n = 0; n < records; n++) if (generate(n).invalid === undefined) clean++
  return clean
}

/**
 * Runs `profile` against `target` with the given implementations.
 *
 * @example
 * ```ts
 * const results = await runPlan(target, PROFILES.smoke, ['baseline', 'pitwall'], {}, console.log)
 * ```
 */
export async function runPlan(
  target: ClusterTarget,
  profile: BenchProfile,
  implementations: Implementation[],
  unavailable: BenchResults['unavailable'],
  log: (line: string) => void,
  onFigure?: (partial: BenchResults) => void,
): Promise<BenchResults> {
  const wants = (group: string) => !profile.only || profile.only.includes(group)
  // `--only` may also narrow configurations: guarantees (exactly_once_v2...), topologies (t1, t2)
  const narrow = (values: string[], value: string) => !values.some((v) => profile.only?.includes(v)) || wants(value)
  const keep = (c: Configuration) =>
    narrow(['exactly_once_v2', 'at_least_once'], c.guarantee) && narrow(['t1', 't2'], c.topology)
  const impls = implementations.filter(
    (i) => wants(i) || !profile.only?.some((o) => o === 'baseline' || o === 'pitwall'),
  )
  // `--only f1` (with or without external) skips the reference workload and its preloads
  const f1Only = profile.only?.every((o) => o === 'f1' || o === 'external') ?? false
  const expected = f1Only ? { clean: 0, quarantine: 0, metrics: 0, anomalies: 0 } : expectedFor(profile.records)
  if (!f1Only) log(`expected output for ${profile.records} records: ${JSON.stringify(expected)}`)
  const limits: BrokerLimit[] = []
  const limitErrors: string[] = []
  const snapshot = (external: ExternalFigures[] = []): BenchResults => ({
    limits,
    limitErrors,
    throughput: [...throughput.values()],
    latency: [...latency.values()],
    external,
    ...(f1 ? { f1 } : {}),
    unavailable,
  })
  const throughput = new Map<string, ThroughputSeries>()
  const latency = new Map<string, LatencySeries>()
  const series = <T>(map: Map<string, T>, config: Configuration, impl: Implementation, make: () => T): T => {
    const key = `${config.topology}/${config.guarantee}/${config.workers}/${impl}`
    if (!map.has(key)) map.set(key, make())
    return map.get(key)!
  }
  let f1: F1BrokerFigures | undefined
  for (let repeat = 1; repeat <= (f1Only ? 0 : profile.repeats); repeat++) {
    const input = `bench-input-${process.pid}-${Date.now().toString(36)}-${repeat}`
    log(`repeat ${repeat}/${profile.repeats}: preloading ${profile.records} records into ${input}`)
    try {
      const limit = await measureBrokerLimit(target, input, profile.records, log)
      limits.push(limit)
      log(`  broker limit: produce ${fmt(limit.produceRps)}/s, consume ${fmt(limit.consumeRps)}/s`)
    } catch (error) {
      limitErrors.push(describe(error))
      log(`  broker limit: FAILED ${describe(error)}`)
    }
    onFigure?.(snapshot())
    for (const config of wants('throughput') ? profile.throughput.filter(keep) : []) {
      for (const impl of impls) {
        const s = series(throughput, config, impl, () => ({
          config,
          implementation: impl,
          recordsPerSecond: [],
          peakRssBytes: [],
          cpuUsPerRecord: [],
          errors: [],
        }))
        const label = `${impl} ${config.topology} ${config.guarantee} ${config.workers}w`
        try {
          const r = await measureThroughput(
            target,
            {
              ...config,
              implementation: impl,
              inputTopic: input,
              records: profile.records,
              expected,
              timeoutMs: profile.timeoutMs,
            },
            () => {},
          )
          s.recordsPerSecond.push(r.recordsPerSecond)
          s.peakRssBytes.push(r.peakRssBytes)
          s.cpuUsPerRecord.push(r.cpuUsPerRecord)
          log(`  throughput ${label}: ${fmt(r.recordsPerSecond)} records/s (${(r.ms / 1000).toFixed(1)} s)`)
        } catch (error) {
          s.errors.push(describe(error))
          log(`  throughput ${label}: FAILED ${describe(error)}`)
        }
        onFigure?.(snapshot())
      }
    }
    await deleteTopics(target, [input]).catch(() => {})
    for (const config of wants('latency') ? profile.latency.filter(keep) : []) {
      for (const impl of impls) {
        const s = series(latency, config, impl, () => ({
          config,
          implementation: impl,
          p50: [],
          p99: [],
          max: [],
          peakRssBytes: [],
          errors: [],
        }))
        const label = `${impl} ${config.topology} ${config.guarantee} ${config.workers}w`
        const clean = validCount(profile.latencyRecords)
        try {
          const r = await measureLatency(
            target,
            {
              ...config,
              implementation: impl,
              inputTopic: `${input}-latency-${impl}-${config.topology}-${config.guarantee}`,
              records: profile.latencyRecords,
              expected: { clean, quarantine: 0, metrics: 0, anomalies: 0 },
              timeoutMs: profile.timeoutMs,
            },
            profile.latencyRate,
            () => {},
          )
          s.p50.push(r.p50)
          s.p99.push(r.p99)
          s.max.push(r.max)
          s.peakRssBytes.push(r.peakRssBytes)
          log(`  latency ${label}: p50 ${r.p50} ms, p99 ${r.p99} ms (${r.samples} samples)`)
        } catch (error) {
          s.errors.push(describe(error))
          log(`  latency ${label}: FAILED ${describe(error)}`)
        }
        onFigure?.(snapshot())
      }
    }
  }
  if (wants('f1')) {
    log(`F1 topology through the broker (bench/f1, ${profile.name} profile)`)
    f1 = await runF1BrokerBench(target.brokers, F1_BENCH_PROFILES[profile.name], log, { repeats: profile.repeats })
    onFigure?.(snapshot())
  }
  const external = wants('external') ? await runExternal(profile.name, target.brokers, log) : []
  return snapshot(external)
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const stderr = (error as { details?: { stderr?: string } }).details?.stderr
  const cause = stderr?.split('\n').find((l) => /^\w*Error\b|Error:/.test(l))
  return cause ? `${error.message}: ${cause.trim()}` : error.message
}
