/**
 * @module
 * What a detector gets: the car's state, the configuration and `emit()`; plus the shared rule
 * "a condition sustained for a minimum time opens an anomaly; re-qualifying within the merge gap
 * extends it" used by every threshold detector.
 */
import type { F1Config } from '../config.ts'
import type { Anomaly, F1AnomalyType } from './anomaly.ts'
import type { CarState, OpenAnomaly, Run, Subject } from './car-state.ts'

/** Detector inputs. */
export interface DetectorContext {
  readonly car: CarState
  readonly config: F1Config
  emit(anomaly: Anomaly): void
}

/** How a sample bears on one condition. */
export interface Observation {
  readonly type: F1AnomalyType
  readonly subject: string
  readonly holds: boolean
  readonly t: number
  readonly minDurationMs: number
  /** Evidence of this sample, merged into the run: `min.x` keeps minima, anything else maxima. */
  readonly evidence?: Readonly<Record<string, number>>
  /** A value whose distinct count the run records. */
  readonly value?: number
  /** Minimum distinct values before the run qualifies (default 0). */
  readonly minDistinct?: number
  /** When the condition began, if earlier than this sample (stuck sensor: the first equal value). */
  readonly since?: number
  readonly detail?: string
  /** An extra test on the whole run before it qualifies. */
  readonly qualifies?: (run: Run) => boolean
}

const names = new Map<string, Map<string, string>>()

/** `${type}|${subject}`, made once: detectors name their subjects on every sample. */
function subjectName(type: string, subject: string): string {
  let bySubject = names.get(type)
  if (bySubject === undefined) {
    bySubject = new Map()
    names.set(type, bySubject)
  }
  let name = bySubject.get(subject)
  if (name === undefined) {
    name = `${type}|${subject}`
    bySubject.set(subject, name)
  }
  return name
}

/**
 * The key of a subject's state in `CarState.subjects`: `${type}|${subject}`.
 *
 * @example
 * ```ts
 * stateName('rpm_drop', 'rpm') // 'rpm_drop|rpm'
 * ```
 */
export function stateName(type: F1AnomalyType, subject: string): string {
  return subjectName(type, subject)
}

function subjectOf(car: CarState, name: string): Subject {
  let s = car.subjects[name]
  if (s === undefined) {
    s = {}
    car.subjects[name] = s
  }
  return s
}

function mergeEvidence(into: Record<string, number>, from: Readonly<Record<string, number>> | undefined): void {
  if (from === undefined) return
  for (const [k, v] of Object.entries(from)) {
    const old = into[k]
    if (old === undefined) into[k] = v
    else into[k] = k.startsWith('min.') ? Math.min(old, v) : Math.max(old, v)
  }
}

/**
 * The anomaly record of an open anomaly.
 *
 * @example
 * ```ts
 * ctx.emit(toAnomaly(ctx, 'rpm_drop', 'rpm', open, 'open'))
 * ```
 */
export function toAnomaly(
  ctx: DetectorContext,
  type: F1AnomalyType,
  subject: string,
  open: OpenAnomaly,
  status: 'open' | 'closed',
): Anomaly {
  const { car, config } = ctx
  return {
    id: open.id,
    type,
    severity: config.anomalies.severity[type] ?? 'warning',
    sessionKey: car.sessionKey,
    carNumber: car.carNumber,
    lap: open.lap,
    start: open.start,
    end: open.end,
    status,
    subject,
    ...(open.detail === undefined ? {} : { detail: open.detail }),
    evidence: { ...open.evidence },
  }
}

/**
 * What {@link observe} does with an observation whose condition does not hold (it reads nothing
 * else of it): ends the run. Detectors call it directly on the usual path, so no observation and
 * evidence objects are made per sample.
 *
 * @example
 * ```ts
 * if (!holds) notHolding(ctx, 'rpm_drop', 'rpm')
 * else observe(ctx, { type: 'rpm_drop', subject: 'rpm', holds, t, minDurationMs: 300 })
 * ```
 */
export function notHolding(ctx: DetectorContext, type: F1AnomalyType, subject: string): void {
  endRun(ctx, subjectName(type, subject))
}

/**
 * {@link notHolding} by the subject's state name (`${type}|${subject}`, see {@link stateName}),
 * for detectors that name their subjects once.
 *
 * @example
 * ```ts
 * endRun(ctx, stateName('stuck_sensor', 'power-unit.rpm'))
 * ```
 */
export function endRun(ctx: DetectorContext, name: string): void {
  // the usual case: nothing to end, and no subject to create only to delete it again
  const s = ctx.car.subjects[name]
  if (s === undefined) return
  if (s.run !== undefined) s.run = undefined
  if (s.open === undefined) delete ctx.car.subjects[name]
}

/**
 * Applies one observation: extends or ends the run, opens an anomaly once the run qualifies,
 * extends an open anomaly while the condition holds.
 *
 * @example
 * ```ts
 * observe(ctx, { type: 'tyre_pressure_loss', subject: 'FL', holds: p < 17, t, minDurationMs: 1000, evidence: { 'min.pressure': p } })
 * ```
 */
export function observe(ctx: DetectorContext, o: Observation): void {
  if (!o.holds) {
    notHolding(ctx, o.type, o.subject)
    return
  }
  const s = subjectOf(ctx.car, subjectName(o.type, o.subject))
  const run = s.run ?? { start: o.since ?? o.t, last: o.t, distinct: [], evidence: {} }
  s.run = run
  run.last = o.t
  mergeEvidence(run.evidence, o.evidence)
  if (o.value !== undefined && run.distinct.length < 3 && !run.distinct.includes(o.value)) run.distinct.push(o.value)
  if (o.t - run.start < o.minDurationMs || run.distinct.length < (o.minDistinct ?? 0)) return
  if (o.qualifies !== undefined && !o.qualifies(run)) return
  const open = s.open
  if (open !== undefined && run.start <= open.end + ctx.config.anomalies.mergeGapMs) {
    open.end = o.t
    mergeEvidence(open.evidence, run.evidence)
    return
  }
  if (open !== undefined) ctx.emit(toAnomaly(ctx, o.type, o.subject, open, 'closed'))
  const key = `${ctx.car.sessionKey}:${ctx.car.carNumber}`
  s.open = {
    id: `${key}|${o.type}|${o.subject}|${run.start}`,
    start: run.start,
    end: o.t,
    lap: ctx.car.lap,
    evidence: { ...run.evidence },
    ...(o.detail === undefined ? {} : { detail: o.detail }),
  }
  ctx.emit(toAnomaly(ctx, o.type, o.subject, s.open, 'open'))
}

/**
 * Closes anomalies that have not re-qualified within the merge gap of `now` (the car's time).
 *
 * @example
 * ```ts
 * closeStale(ctx, car.lastAny)
 * ```
 */
export function closeStale(ctx: DetectorContext, now: number): void {
  const gap = ctx.config.anomalies.mergeGapMs
  for (const [name, s] of Object.entries(ctx.car.subjects)) {
    // dropouts close when their channel comes back (sensor-dropout.ts), not by age
    if (name.startsWith('sensor_dropout|')) continue
    if (s.open === undefined || s.run !== undefined || now - s.open.end <= gap) continue
    const [type, ...rest] = name.split('|')
    ctx.emit(toAnomaly(ctx, type as F1AnomalyType, rest.join('|'), s.open, 'closed'))
    delete ctx.car.subjects[name]
  }
}
