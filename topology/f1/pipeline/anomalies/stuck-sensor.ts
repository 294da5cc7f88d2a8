/**
 * @module
 * Stuck sensor: a field repeating exactly the same value for longer than a real, noisy sensor
 * ever does (the fields are configuration: RPM and engine temperatures, tyre pressures and
 * temperatures per corner).
 */
import { corners, type SampleOf } from '../../model/index.ts'
import type { F1Config } from '../config.ts'
import type { DetectorContext } from './detector-context.ts'
import { endRun, observe, stateName } from './detector-context.ts'

/** A tracked field: where to read it, its subject, and its state name. */
interface Tracked {
  readonly field: string
  readonly subject: string
  readonly state: string
}

const tracked = (prefix: string, fields: readonly string[]): Tracked[] =>
  fields.map((field) => {
    const subject = `${prefix}.${field}`
    return { field, subject, state: stateName('stuck_sensor', subject) }
  })

/** Each configuration's tracked fields, named once (they are looked up on every sample). */
const byConfig = new WeakMap<F1Config, { powerUnit: Tracked[]; tyres: Tracked[][] }>()

function trackedOf(config: F1Config): { powerUnit: Tracked[]; tyres: Tracked[][] } {
  let t = byConfig.get(config)
  if (t === undefined) {
    const stuck = config.anomalies.stuckSensor
    t = {
      powerUnit: tracked('power-unit', stuck.powerUnitFields),
      tyres: corners.map((c) => tracked(`tyres.${c}`, stuck.tyreFields)),
    }
    byConfig.set(config, t)
  }
  return t
}

function track(ctx: DetectorContext, f: Tracked, t: number, value: number | undefined): void {
  if (value === undefined) return
  const subject = f.subject
  const prev = ctx.car.stuck[subject]
  const same = prev !== undefined && prev.value === value
  const since = prev?.since ?? t
  if (prev === undefined) ctx.car.stuck[subject] = { value, since: t }
  else if (!same) {
    prev.value = value
    prev.since = t
  }
  if (!same) {
    endRun(ctx, f.state)
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
  const sample = s as unknown as Record<string, number | undefined>
  for (const f of trackedOf(ctx.config).powerUnit) track(ctx, f, s.timestamp, sample[f.field])
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
  const tyres = trackedOf(ctx.config).tyres
  for (let i = 0; i < corners.length; i++) {
    const reading = s[corners[i]!] as unknown as Record<string, number | undefined>
    for (const f of tyres[i]!) track(ctx, f, s.timestamp, reading[f.field])
  }
}
