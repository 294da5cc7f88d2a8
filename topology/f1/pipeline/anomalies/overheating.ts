/**
 * @module
 * Overheating: the engine (water, oil and engine temperatures all above their limits), a brake or
 * a tyre surface above its limit, sustained.
 */
import { corners, type SampleOf } from '../../model/index.ts'
import type { DetectorContext } from './detector-context.ts'
import { observe } from './detector-context.ts'

/**
 * Checks the engine on a power-unit sample.
 *
 * @example
 * ```ts
 * detectEngineOverheating(ctx, sample)
 * ```
 */
export function detectEngineOverheating(ctx: DetectorContext, s: SampleOf<'power-unit'>): void {
  const th = ctx.config.anomalies.overheating
  const e = th.engine
  const holds = (s.waterTemp ?? 0) > e.waterTemp && (s.oilTemp ?? 0) > e.oilTemp && (s.engineTemp ?? 0) > e.engineTemp
  observe(ctx, {
    type: 'overheating',
    subject: 'engine',
    detail: 'engine',
    holds,
    t: s.timestamp,
    minDurationMs: th.minDurationMs,
    evidence: { waterTemp: s.waterTemp ?? 0, oilTemp: s.oilTemp ?? 0, engineTemp: s.engineTemp ?? 0 },
  })
}

/**
 * Checks brakes and tyre surfaces on a tyres sample, per corner.
 *
 * @example
 * ```ts
 * detectCornerOverheating(ctx, sample)
 * ```
 */
export function detectCornerOverheating(ctx: DetectorContext, s: SampleOf<'tyres'>): void {
  const th = ctx.config.anomalies.overheating
  for (const c of corners) {
    const x = s[c]
    observe(ctx, {
      type: 'overheating',
      subject: `brakes.${c}`,
      detail: 'brakes',
      holds: (x.brakeTemp ?? 0) > th.brakeTemp,
      t: s.timestamp,
      minDurationMs: th.minDurationMs,
      evidence: { brakeTemp: x.brakeTemp ?? 0 },
    })
    observe(ctx, {
      type: 'overheating',
      subject: `tyres.${c}`,
      detail: 'tyres',
      holds: x.surfaceTemp > th.tyreSurfaceTemp,
      t: s.timestamp,
      minDurationMs: th.minDurationMs,
      evidence: { surfaceTemp: x.surfaceTemp, innerTemp: x.innerTemp },
    })
  }
}
