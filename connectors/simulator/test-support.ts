/**
 * @module
 * Runs a whole simulation into memory, for tests and the CLI's stats.
 */
import type { GroundTruthAnomaly } from './anomaly-types.ts'
import type { SimulatorOptions } from './config.ts'
import type { SimRecord } from './record.ts'
import { Simulator } from './simulator.ts'

/**
 * Every record of a run, in order, and the ground truth.
 *
 * @example
 * ```ts
 * const { records, truth } = runToEnd({ cars: 3, laps: 2 })
 * ```
 */
export function runToEnd(options: SimulatorOptions): {
  records: SimRecord[]
  truth: GroundTruthAnomaly[]
  sim: Simulator
} {
  const sim = new Simulator(options)
  const records: SimRecord[] = []
  for (const batch of sim.batches()) for (const r of batch) records.push(r)
  return { records, truth: [...sim.groundTruth], sim }
}
