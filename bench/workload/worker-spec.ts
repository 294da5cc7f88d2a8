/**
 * @module
 * What a benchmark or chaos worker process is told when it starts: passed as JSON in the
 * `PITWALL_BENCH_WORKER` environment variable so the baseline and the Pitwall worker share one
 * contract.
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { Guarantee, OutputTopics, TopologyName } from './reference.ts'

/** The configuration of one worker process. */
export interface WorkerSpec {
  readonly implementation: 'baseline' | 'pitwall'
  readonly topology: TopologyName
  readonly guarantee: Guarantee
  /** Consumer group / application id, shared by the workers of one run. */
  readonly applicationId: string
  /** Index of this worker within its run (0-based); makes transactional ids unique. */
  readonly instance: number
  readonly brokers: string[]
  readonly inputTopic: string
  readonly outputs: OutputTopics
  readonly commitIntervalMs: number
  /** Directory for state stores (Pitwall). */
  readonly stateDir: string
}

/** The environment variable that carries the spec. */
export const WORKER_SPEC_ENV = 'PITWALL_BENCH_WORKER'

/**
 * Reads the spec of the current worker process.
 *
 * @example
 * ```ts
 * const spec = readWorkerSpec(process.env)
 * ```
 */
export function readWorkerSpec(env: NodeJS.ProcessEnv): WorkerSpec {
  const raw = env[WORKER_SPEC_ENV]
  if (!raw) throw new PitwallError(ErrorCodes.CONFIG_INVALID, `bench worker: ${WORKER_SPEC_ENV} is not set`)
  try {
    return JSON.parse(raw) as WorkerSpec
  } catch (cause) {
    throw new PitwallError(ErrorCodes.CONFIG_INVALID, `bench worker: ${WORKER_SPEC_ENV} is not JSON`, { cause })
  }
}
