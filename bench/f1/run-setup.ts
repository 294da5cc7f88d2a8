/**
 * @module
 * One F1 broker-bench run's surroundings: its own prefixed F1 topics (retention.ms=-1: simulated
 * races carry old timestamps), its application id and state directory, the worker process, and
 * the cleanup that deletes all of it (internal topics included).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import { waitListable } from '../../scripts/f1/broker-race.ts'
import { namespaceTopics } from '../../scripts/f1/topic-namespace.ts'
import { deleteF1Run, ensureF1Topics } from '../../scripts/f1/topic-setup.ts'
import { buildF1Topology } from '../../topology/f1/pipeline/topology.ts'
import { DEFAULT_CAR_PARTITIONS, F1Topics } from '../../topology/f1/topics.ts'
import type { RaceTarget } from './race-producer.ts'
import { type F1Worker, startF1Worker } from './worker-process.ts'

/** A prepared run. */
export interface F1Run {
  readonly id: string
  readonly target: RaceTarget
  /** The prefixed user topics the worker reads. */
  readonly inputTopics: string[]
  readonly clean: string
  readonly quarantine: string
  startWorker(nodeFlags?: readonly string[]): F1Worker
  /** Rejects when the worker exits before it is stopped. */
  workerFailed(worker: F1Worker): Promise<never>
  /** Stops the worker (if given), deletes the run's topics and state; resolves with its peak RSS. */
  cleanup(worker?: F1Worker): Promise<number>
}

let runs = 0

// right after another run deleted its topics the broker may still answer "This server does not
// host this topic-partition" while creating these: the creation is retried
async function createTopics(
  brokers: readonly string[],
  prefix: string,
  carPartitions: number,
  log: (line: string) => void,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      const { created } = await ensureF1Topics({
        brokers,
        prefix,
        carPartitions,
        sessionPartitions: 1,
        retentionMs: -1,
      })
      await waitListable(brokers, created)
      return
    } catch (error) {
      if (attempt >= 4) {
        await deleteF1Run(brokers, prefix, prefix.slice(0, -1)).catch(() => {})
        throw error
      }
      log(
        `creating the topics of ${prefix}* failed (${error instanceof Error ? error.message : String(error)}), retrying`,
      )
      await sleep(2000 * attempt)
    }
  }
}

/**
 * Creates the run's topics (per-car topics with `carPartitions`, session topics with 1).
 *
 * @example
 * ```ts
 * const run = await prepareF1Run(['127.0.0.1:19092'], 'tp', console.log)
 * ```
 */
export async function prepareF1Run(
  brokers: readonly string[],
  kind: string,
  log: (line: string) => void,
  carPartitions = DEFAULT_CAR_PARTITIONS,
): Promise<F1Run> {
  const id = `f1-bench-${kind}-${process.pid}-${Date.now().toString(36)}-${runs++}`
  const prefix = `${id}.`
  const target: RaceTarget = { brokers, prefix, carPartitions, sessionPartitions: 1 }
  await createTopics(brokers, prefix, carPartitions, log)
  const runnable = namespaceTopics(buildF1Topology({ stores: { type: 'memory' } }).runnable(), prefix)
  const inputTopics = [...new Set(runnable.subtopologies.flatMap((s) => s.sourceTopics))].filter((t) =>
    t.startsWith(prefix),
  )
  const stateDir = mkdtempSync(join(tmpdir(), 'pitwall-f1-bench-'))
  return {
    id,
    target,
    inputTopics,
    clean: `${prefix}${F1Topics.telemetryClean.name}`,
    quarantine: `${prefix}${F1Topics.telemetryQuarantine.name}`,
    startWorker: (nodeFlags) =>
      startF1Worker(
        { brokers, applicationId: id, prefix, stateDir, commitIntervalMs: 100, ...(nodeFlags ? { nodeFlags } : {}) },
        log,
      ),
    workerFailed: (worker) =>
      worker.exited.then((code) => {
        throw new PitwallError(ErrorCodes.RUNTIME_STATE, `f1 bench: worker ${worker.pid} exited early (${code})`, {
          details: { stderr: worker.stderrTail() },
        })
      }),
    cleanup: async (worker) => {
      const rss = worker ? await worker.stop() : 0
      await deleteF1Run(brokers, prefix, id).catch((error) => log(`cleanup of ${id} failed: ${String(error)}`))
      rmSync(stateDir, { recursive: true, force: true })
      return rss
    },
  }
}
