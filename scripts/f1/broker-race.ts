/**
 * @module
 * A simulated race through the real broker: creates the (prefixed) F1 topics, starts one in-process
 * F1 worker (PitwallStreams, exactly_once_v2 by default) on them, produces the race as fast as
 * possible (plus any extra raw records), waits until the worker has committed its input, and closes
 * it. Used by scripts/f1-score.ts --broker and test/integration/f1-pipeline.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { Kafka, logLevel } from 'kafkajs'
import type { GroundTruthAnomaly } from '../../connectors/simulator/anomaly-types.ts'
import type { SimulatorOptions } from '../../connectors/simulator/config.ts'
import { Simulator } from '../../connectors/simulator/simulator.ts'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { F1ConfigInput } from '../../topology/f1/pipeline/config.ts'
import { buildF1Topology } from '../../topology/f1/pipeline/topology.ts'
import { type F1Record, F1Topics } from '../../topology/f1/topics.ts'
import type { Logger } from '../../topology/runtime/logger.ts'
import type { ProcessingGuarantee } from '../../topology/runtime/options.ts'
import { PitwallStreams } from '../../topology/runtime/pitwall-streams.ts'
import { RecordProducer } from './record-producer.ts'
import { recentStart } from './sources.ts'
import { namespaceTopics } from './topic-namespace.ts'
import { ensureF1Topics } from './topic-setup.ts'

/** What to run. */
export interface BrokerRaceOptions {
  readonly brokers: readonly string[]
  readonly race: SimulatorOptions
  /** Prefix of every F1 topic of this run (its own namespace on a shared broker). */
  readonly prefix: string
  readonly applicationId: string
  readonly carPartitions?: number
  readonly f1Config?: F1ConfigInput
  readonly processingGuarantee?: ProcessingGuarantee
  /** Extra records produced after the race, e.g. malformed raw telemetry (string values are sent as is). */
  readonly extra?: readonly Pick<F1Record, 'topic' | 'key' | 'value' | 'timestamp'>[]
  /** Called with every source record (the simulator's own laps, for comparisons). */
  readonly onRecord?: (record: F1Record) => void
  readonly logger?: Logger
  /** Longest wait for the worker to catch up (default 10 min). */
  readonly timeoutMs?: number
}

/** What happened. */
export interface BrokerRace {
  readonly truth: readonly GroundTruthAnomaly[]
  readonly inputRecords: number
  readonly produceMs: number
  /** From the first record produced until the worker committed the last one. */
  readonly processMs: number
  /** Physical topic name of each F1 topic of the run. */
  readonly topic: (name: string) => string
}

/**
 * Runs the race and returns once the worker has processed and committed all of it and is closed.
 *
 * @example
 * ```ts
 * const race = await runBrokerRace({ brokers, race: { cars: 4, laps: 2 }, prefix: 'it-1.', applicationId: 'it-1' })
 * ```
 */
export async function runBrokerRace(options: BrokerRaceOptions): Promise<BrokerRace> {
  const { brokers, prefix } = options
  const f1Config = { stores: { type: 'memory' as const }, ...options.f1Config }
  const topics = await ensureF1Topics({ brokers, prefix, carPartitions: options.carPartitions ?? 3 })
  await waitListable(brokers, topics.created)
  const runnable = namespaceTopics(buildF1Topology(f1Config).runnable(), prefix)
  const stateDir = await mkdtemp(join(tmpdir(), 'pitwall-f1-race-'))
  const streams = new PitwallStreams(runnable, {
    applicationId: options.applicationId,
    brokers,
    stateDir,
    processingGuarantee: options.processingGuarantee ?? 'exactly_once_v2',
    deadLetterTopic: `${prefix}${F1Topics.telemetryQuarantine.name}`,
    deserializationErrorHandler: () => 'continue',
    ...(options.logger ? { logger: options.logger } : {}),
  })
  let failure: unknown
  streams.onStateChange((state) => {
    if (state === 'error') failure = streams.error ?? new Error('worker failed')
  })
  await streams.start()
  const began = performance.now()
  const producer = await RecordProducer.connect({ brokers, topicPrefix: prefix })
  const sim = new Simulator({
    ...options.race,
    startTime: options.race.startTime ?? recentStart(options.race),
    mode: 'fast',
  })
  let inputRecords = 0
  try {
    for (const batch of sim.batches()) {
      for (const record of batch as F1Record[]) {
        options.onRecord?.(record)
        await producer.add(record)
      }
      inputRecords += batch.length
      if (failure !== undefined) break
    }
    for (const record of options.extra ?? []) await producer.add(record)
    inputRecords += options.extra?.length ?? 0
  } finally {
    await producer.close()
  }
  const produceMs = performance.now() - began
  const userSources = [...new Set(runnable.subtopologies.flatMap((s) => s.sourceTopics))].filter((t) =>
    t.startsWith(prefix),
  )
  try {
    await waitCaughtUp(brokers, options.applicationId, userSources, options.timeoutMs ?? 600_000, () => failure)
  } finally {
    await streams.close()
    await rm(stateDir, { recursive: true, force: true })
  }
  return {
    truth: sim.groundTruth,
    inputRecords,
    produceMs,
    processMs: performance.now() - began,
    topic: (name) => `${prefix}${name}`,
  }
}

/**
 * Waits until every partition of freshly created topics answers ListOffsets: a worker started on
 * topics the broker is still setting up has been seen to stall after OFFSET_OUT_OF_RANGE.
 *
 * @example
 * ```ts
 * await waitListable(['127.0.0.1:19092'], ['it-1.f1.telemetry.raw'])
 * ```
 */
export async function waitListable(brokers: readonly string[], topics: string[]): Promise<void> {
  const kafka = new Kafka({ clientId: 'pitwall-f1-race-watch', brokers: [...brokers], logLevel: logLevel.NOTHING })
  const admin = kafka.admin()
  await admin.connect()
  try {
    for (const topic of topics) {
      for (let attempt = 0; ; attempt++) {
        const ok = await admin.fetchTopicOffsets(topic).then(
          (offsets) => offsets.length > 0,
          () => false,
        )
        if (ok) break
        if (attempt >= 40) throw new PitwallError(ErrorCodes.INFRA, `topic ${topic} has no readable partitions`)
        await sleep(250)
      }
    }
  } finally {
    await admin.disconnect()
  }
}

async function committedOffsets(admin: ReturnType<Kafka['admin']>, groupId: string, topics: string[]) {
  const out = new Map<string, number>()
  for (const t of await admin.fetchOffsets({ groupId, topics })) {
    for (const p of t.partitions) out.set(`${t.topic}-${p.partition}`, Number(p.offset))
  }
  return out
}

/**
 * Waits until the group has committed every source topic up to its end offset, then until its
 * offsets on every topic (repartition topics too) stay put for a second.
 */
async function waitCaughtUp(
  brokers: readonly string[],
  groupId: string,
  sources: string[],
  timeoutMs: number,
  failed: () => unknown,
): Promise<void> {
  const kafka = new Kafka({ clientId: 'pitwall-f1-race-watch', brokers: [...brokers], logLevel: logLevel.NOTHING })
  const admin = kafka.admin()
  await admin.connect()
  const deadline = Date.now() + timeoutMs
  try {
    const ends = new Map<string, number>()
    for (const topic of sources) {
      for (const p of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}-${p.partition}`, Number(p.high))
    }
    let previous = ''
    let stableSince = 0
    while (Date.now() < deadline) {
      const error = failed()
      if (error !== undefined) {
        throw new PitwallError(ErrorCodes.RUNTIME_STATE, 'the F1 worker failed during the race', { cause: error })
      }
      const committed = await committedOffsets(admin, groupId, sources)
      const behind = [...ends].filter(([tp, end]) => end > 0 && (committed.get(tp) ?? -1) < end)
      if (behind.length === 0) {
        const all = [...(await admin.fetchOffsets({ groupId }))]
          .flatMap((t) => t.partitions.map((p) => `${t.topic}-${p.partition}:${p.offset}`))
          .sort()
          .join(',')
        if (all !== previous) {
          previous = all
          stableSince = Date.now()
        } else if (Date.now() - stableSince >= 1500) {
          return
        }
      }
      await sleep(250)
    }
    throw new PitwallError(ErrorCodes.RUNTIME_STATE, `the F1 worker did not catch up within ${timeoutMs} ms`)
  } finally {
    await admin.disconnect()
  }
}
