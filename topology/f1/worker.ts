/**
 * @module
 * The F1 topology module for the worker CLI: `node topology/cli/worker.ts --topology
 * topology/f1/worker.ts --dead-letter-topic f1.telemetry.quarantine`. The default export builds the
 * topology; thresholds and store options come from `PITWALL_F1_CONFIG` (a JSON override of
 * pipeline/config.ts, validated: unknown keys are rejected).
 */
import type { PitwallConfig } from '../../core/config.ts'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { Topology } from '../dsl/topology.ts'
import { buildF1Topology } from './pipeline/topology.ts'

/**
 * The F1 configuration override from the environment.
 *
 * @example
 * ```ts
 * f1ConfigFromEnv({ PITWALL_F1_CONFIG: '{"stores":{"type":"memory"}}' })
 * ```
 */
export function f1ConfigFromEnv(env: NodeJS.ProcessEnv = process.env): object {
  const text = env.PITWALL_F1_CONFIG
  if (text === undefined || text.trim() === '') return {}
  try {
    return JSON.parse(text) as object
  } catch (cause) {
    throw new PitwallError(ErrorCodes.CONFIG_INVALID, 'PITWALL_F1_CONFIG must be a JSON object', { cause })
  }
}

/**
 * The worker's topology factory.
 *
 * @example
 * ```ts
 * const topology = f1Topology(loadConfig({ env: process.env, argv: [] }))
 * ```
 */
export default function f1Topology(_config?: PitwallConfig): Topology {
  return buildF1Topology(f1ConfigFromEnv())
}
