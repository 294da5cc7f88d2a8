/**
 * @module
 * RPM drop: engine RPM far below what the gear and speed imply while the car is not braking and
 * the gear is plausible for the speed (so neither a shift nor a lock-up explains it), sustained,
 * and still moving (a frozen RPM is a stuck sensor, not a drop).
 */
import type { SampleOf } from '../../model/index.ts'
import type { DetectorContext } from './detector-context.ts'
import { notHolding, observe } from './detector-context.ts'
import { expectedRpm, gearBand } from './gearing.ts'

/** Distinct RPM values a drop must show. */
const MOVING_VALUES = 3

/**
 * Checks one power-unit sample against the car's latest dynamics sample.
 *
 * @example
 * ```ts
 * detectRpmDrop(ctx, sample)
 * ```
 */
export function detectRpmDrop(ctx: DetectorContext, s: SampleOf<'power-unit'>): void {
  const th = ctx.config.anomalies.rpmDrop
  const d = ctx.car.dynamics
  let holds = false
  let expected = 0
  if (d !== undefined && s.timestamp - d.t <= th.maxDynamicsAgeMs && d.gear >= 1 && d.speed >= th.minSpeedKmh) {
    const band = gearBand(d.gear, ctx.config)
    expected = expectedRpm(d.gear, d.speed, ctx.config)
    holds =
      d.speed >= band.min && d.speed <= band.max && s.rpm < th.maxRatioToExpected * expected && d.brake < th.maxBrake
  }
  if (!holds) {
    notHolding(ctx, 'rpm_drop', 'rpm')
    return
  }
  observe(ctx, {
    type: 'rpm_drop',
    subject: 'rpm',
    holds,
    t: s.timestamp,
    minDurationMs: th.minDurationMs,
    value: s.rpm,
    minDistinct: MOVING_VALUES,
    evidence: { 'min.rpm': s.rpm, expectedRpm: Math.round(expected), 'min.ratio': expected > 0 ? s.rpm / expected : 0 },
  })
}
