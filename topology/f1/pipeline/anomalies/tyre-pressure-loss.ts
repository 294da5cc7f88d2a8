/**
 * @module
 * Tyre pressure loss: one corner below the absolute minimum or well below the mean of the other
 * three, sustained.
 */
import { corners, type SampleOf } from '../../model/index.ts'
import type { DetectorContext } from './detector-context.ts'
import { notHolding, observe } from './detector-context.ts'

/**
 * Checks one tyres sample.
 *
 * @example
 * ```ts
 * detectTyrePressureLoss(ctx, sample)
 * ```
 */
export function detectTyrePressureLoss(ctx: DetectorContext, s: SampleOf<'tyres'>): void {
  const th = ctx.config.anomalies.tyrePressureLoss
  const sum = corners.reduce((a, c) => a + s[c].pressure, 0)
  for (const c of corners) {
    const pressure = s[c].pressure
    const others = (sum - pressure) / 3
    const holds = pressure < th.minPressurePsi || pressure < others - th.maxDropBelowOthersPsi
    if (!holds) {
      notHolding(ctx, 'tyre_pressure_loss', c)
      continue
    }
    observe(ctx, {
      type: 'tyre_pressure_loss',
      subject: c,
      holds,
      t: s.timestamp,
      minDurationMs: th.minDurationMs,
      evidence: { 'min.pressure': pressure, othersMean: Math.round(others * 100) / 100 },
    })
  }
}
