/**
 * @module
 * The car's gearing from configuration: the speed band a gear can plausibly run in and the RPM a
 * gear and speed imply (the engine is locked to the wheels above first-gear launch speeds).
 */
import type { F1Config } from '../config.ts'

/**
 * The plausible speed band of a gear: from `bandLow` x the top of the gear below to `bandHigh` x
 * its own top (first gear from 0); neutral and reverse: walking pace.
 *
 * @example
 * ```ts
 * gearBand(3, config) // { min: 114.75, max: 175.1 }
 * ```
 */
export function gearBand(gear: number, config: F1Config): { min: number; max: number } {
  const tops = config.anomalies.gearTopSpeedsKmh
  const { bandLow, bandHigh } = config.anomalies.gearInconsistency
  if (gear < 1 || gear >= tops.length) return { min: 0, max: 30 }
  return { min: gear === 1 ? 0 : tops[gear - 1]! * bandLow, max: tops[gear]! * bandHigh }
}

/**
 * The RPM a gear and speed imply.
 *
 * @example
 * ```ts
 * expectedRpm(8, 300, config) // 10285.7
 * ```
 */
export function expectedRpm(gear: number, speedKmh: number, config: F1Config): number {
  const top = config.anomalies.gearTopSpeedsKmh[gear]
  return top === undefined || top === 0 ? 0 : (config.anomalies.referenceRpm * speedKmh) / top
}
