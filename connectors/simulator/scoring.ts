/**
 * @module
 * Scores detections against the simulator's ground truth, per anomaly type: a detection is a true
 * positive when it overlaps (within a tolerance) an injected anomaly of the same type on the same
 * car; recall counts the injected anomalies that at least one detection overlaps.
 */
import type { AnomalyType, GroundTruthAnomaly } from './anomaly-types.ts'
import { anomalyTypes } from './anomaly-types.ts'

/** A detected interval to score. */
export interface ScoredDetection {
  readonly key: string
  readonly type: AnomalyType
  readonly start: number
  readonly end: number
}

/** Precision and recall of one type. */
export interface TypeScore {
  readonly truths: number
  readonly detections: number
  readonly truePositives: number
  readonly detected: number
  readonly precision: number
  readonly recall: number
}

/**
 * Precision and recall per anomaly type (1 when there is nothing to find and nothing was found).
 *
 * @example
 * ```ts
 * const s = scoreDetections(detector.finish(), sim.groundTruth)
 * s.rpm_drop.recall // 1
 * ```
 */
export function scoreDetections(
  detections: readonly ScoredDetection[],
  truth: readonly GroundTruthAnomaly[],
  toleranceMs = 1000,
): Record<AnomalyType, TypeScore> {
  const overlaps = (d: ScoredDetection, g: GroundTruthAnomaly) =>
    d.key === g.key && d.type === g.type && d.start <= g.end + toleranceMs && d.end >= g.start - toleranceMs
  const out = {} as Record<AnomalyType, TypeScore>
  for (const type of anomalyTypes) {
    const ds = detections.filter((d) => d.type === type)
    const gs = truth.filter((g) => g.type === type)
    const truePositives = ds.filter((d) => gs.some((g) => overlaps(d, g))).length
    const detected = gs.filter((g) => ds.some((d) => overlaps(d, g))).length
    out[type] = {
      truths: gs.length,
      detections: ds.length,
      truePositives,
      detected,
      precision: ds.length === 0 ? (gs.length === 0 ? 1 : 0) : truePositives / ds.length,
      recall: gs.length === 0 ? 1 : detected / gs.length,
    }
  }
  return out
}
