/**
 * @module
 * Gear inconsistency: the reported gear cannot produce the reported speed (speed outside the
 * gear's band, at speeds where gears are meaningful), sustained.
 */
import type { SampleOf } from '../../model/index.ts'
import type { DetectorContext } from './detector-context.ts'
import { notHolding, observe } from './detector-context.ts'
import { gearBand } from './gearing.ts'

/**
 * Checks one dynamics sample.
 *
 * @example
 * ```ts
 * detectGearInconsistency(ctx, sample)
 * ```
 */
export function detectGearInconsistency(ctx: DetectorContext, s: SampleOf<'dynamics'>): void {
  const th = ctx.config.anomalies.gearInconsistency
  const band = gearBand(s.gear, ctx.config)
  const holds = s.gear >= 1 && s.speed >= th.minSpeedKmh && (s.speed < band.min || s.speed > band.max)
  if (!holds) {
    notHolding(ctx, 'gear_inconsistency', 'gear')
    return
  }
  observe(ctx, {
    type: 'gear_inconsistency',
    subject: 'gear',
    holds,
    t: s.timestamp,
    minDurationMs: th.minDurationMs,
    evidence: { gear: s.gear, speed: s.speed, 'min.speed': s.speed },
  })
}
