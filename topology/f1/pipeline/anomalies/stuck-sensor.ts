/**
 * @module
 * Stuck sensor: a field repeating exactly the same value for longer than a real, noisy sensor
 * ever does (the fields are configuration: RPM and engine temperatures, tyre pressures and
 * temperatures per corner).
 */
import { corners, type SampleOf } from '../../model/index.ts'
import type { DetectorContext } from './detector-context.ts'
import { notHolding, observe } from './detector-context.ts'

const names = new Map<string, Map<string, string>>()
const tyrePrefixes = corners.map((c) => `tyres.${c}`)

/** `${prefix}.${field}`, made once (a car's tracked fields are looked up on every sample). */
function subjectName(prefix: string, field: string): string {
  let byField = names.get(prefix)
  if (byField === undefined) {
    byField = new Map()
    names.set(prefix, byField)
  }
  let name = byField.get(field)
  if (name === undefined) {
    name = `${prefix}.${field}`
    byField.set(field, name)
  }
  return name
}

function track(ctx: DetectorContext, subject: string, t: number, value: number | undefined): void {
  if (value === undefined) return
  const prev = ctx.car.stuck[subject]
  const same = prev !== undefined && prev.value === value
  const since = prev?.since ?? t
  if (prev === undefined) ctx.car.stuck[subject] = { value, since: t }
  else if (!same) {
    prev.value = value
    prev.since = t
  }
  if (!same) {
    notHolding(ctx, 'stuck_sensor', subject)
    return
  }
  observe(ctx, {
    type: 'stuck_sensor',
    subject,
    holds: same,
    t,
    since,
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
    track(ctx, subjectName('power-unit', f), s.timestamp, value)
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
  for (let i = 0; i < corners.length; i++) {
    const reading = s[corners[i]!] as unknown as Record<string, number | undefined>
    const prefix = tyrePrefixes[i]!
    for (const f of ctx.config.anomalies.stuckSensor.tyreFields)
      track(ctx, subjectName(prefix, f), s.timestamp, reading[f])
  }
}
