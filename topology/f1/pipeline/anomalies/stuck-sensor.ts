/**
 * @module
 * Stuck sensor: a field repeating exactly the same value for longer than a real, noisy sensor
 * ever does (the fields are configuration: RPM and engine temperatures, tyre pressures and
 * temperatures per corner).
 */
import { corners, type SampleOf } from '../../model/index.ts'
import type { DetectorContext } from './detector-context.ts'
import { observe } from './detector-context.ts'

function track(ctx: DetectorContext, subject: string, t: number, value: number | undefined): void {
  if (value === undefined) return
  const prev = ctx.car.stuck[subject]
  const same = prev !== undefined && prev.value === value
  if (!same) ctx.car.stuck[subject] = { value, since: t }
  observe(ctx, {
    type: 'stuck_sensor',
    subject,
    holds: same,
    t,
    since: prev?.since ?? t,
    minDurationMs: ctx.config.anomalies.stuckSensor.minDurationMs,
    evidence: { value },
  })
}

/**
 * Checks the power-unit fields.
 *
 * @example
 * ```ts
 * detectStuckPowerUnit(ctx, sample)
 * ```
 */
export function detectStuckPowerUnit(ctx: DetectorContext, s: SampleOf<'power-unit'>): void {
  for (const f of ctx.config.anomalies.stuckSensor.powerUnitFields) {
    const value = (s as unknown as Record<string, number | undefined>)[f]
    track(ctx, `power-unit.${f}`, s.timestamp, value)
  }
}

/**
 * Checks the tyre fields of every corner.
 *
 * @example
 * ```ts
 * detectStuckTyres(ctx, sample)
 * ```
 */
export function detectStuckTyres(ctx: DetectorContext, s: SampleOf<'tyres'>): void {
  for (const c of corners) {
    const reading = s[c] as unknown as Record<string, number | undefined>
    for (const f of ctx.config.anomalies.stuckSensor.tyreFields) track(ctx, `tyres.${c}.${f}`, s.timestamp, reading[f])
  }
}
