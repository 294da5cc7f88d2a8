/**
 * @module
 * Overheating: the engine (water, oil and engine temperatures all above their limits), a brake or
 * a tyre surface above its limit, sustained.
 */
import { corners, type SampleOf } from '../../model/index.ts'
import type { DetectorContext } from './detector-context.ts'
import { notHolding, observe } from './detector-context.ts'

const brakeSubjects = corners.map((c) => `brakes.${c}`)
const tyreSubjects = corners.map((c) => `tyres.${c}`)

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
  if (!holds) {
    notHolding(ctx, 'overheating', 'engine')
    return
  }
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
  for (let i = 0; i < corners.length; i++) {
    const x = s[corners[i]!]
    if (!((x.brakeTemp ?? 0) > th.brakeTemp)) notHolding(ctx, 'overheating', brakeSubjects[i]!)
    else
      observe(ctx, {
        type: 'overheating',
        subject: brakeSubjects[i]!,
        detail: 'brakes',
        holds: true,
        t: s.timestamp,
        minDurationMs: th.minDurationMs,
        evidence: { brakeTemp: x.brakeTemp ?? 0 },
      })
    if (!(x.surfaceTemp > th.tyreSurfaceTemp)) notHolding(ctx, 'overheating', tyreSubjects[i]!)
    else
      observe(ctx, {
        type: 'overheating',
        subject: tyreSubjects[i]!,
        detail: 'tyres',
        holds: true,
        t: s.timestamp,
        minDurationMs: th.minDurationMs,
        evidence: { surfaceTemp: x.surfaceTemp, innerTemp: x.innerTemp },
      })
  }
}
