/**
 * @module
 * Per-lap aggregates (the gold lap table): an accumulator fed by the lap's tagged samples, and the
 * lap stats made from it and the lap record when the lap completes.
 */
import { corners, type Lap } from '../model/index.ts'
import type { F1Config } from './config.ts'
import type { TaggedSample } from './lap-position.ts'

/** What the samples of one lap add up to. */
export interface LapAccumulator {
  readonly dynamics: number
  readonly speedSum: number
  readonly topSpeed: number
  readonly fullThrottle: number
  readonly braking: number
  readonly gearShifts: number
  readonly lastGear: number | null
  readonly maxBrakeTemp: number | null
  readonly maxTyreSurfaceTemp: number | null
  readonly maxTyreInnerTemp: number | null
  readonly first: number | null
  readonly last: number | null
}

/** One lap of the gold table (`f1-lap-stats`, key `session:car:lap`; topic f1.laps.stats). */
export interface LapStats {
  readonly sessionKey: string
  readonly carNumber: number
  readonly lapNumber: number
  readonly lapStart: number | null
  readonly lapTimeMs: number | null
  readonly sectorTimesMs: readonly [number | null, number | null, number | null]
  readonly topSpeedKmh: number | null
  readonly avgSpeedKmh: number | null
  readonly fullThrottlePct: number | null
  readonly brakingPct: number | null
  readonly gearShifts: number
  readonly maxBrakeTempC: number | null
  readonly maxTyreSurfaceTempC: number | null
  readonly maxTyreInnerTempC: number | null
  readonly samples: number
  readonly pitIn: boolean
  readonly pitOut: boolean
}

/**
 * The empty accumulator.
 *
 * @example
 * ```ts
 * accumulate(emptyLap(), sample, config)
 * ```
 */
export function emptyLap(): LapAccumulator {
  return {
    dynamics: 0,
    speedSum: 0,
    topSpeed: 0,
    fullThrottle: 0,
    braking: 0,
    gearShifts: 0,
    lastGear: null,
    maxBrakeTemp: null,
    maxTyreSurfaceTemp: null,
    maxTyreInnerTemp: null,
    first: null,
    last: null,
  }
}

const max = (a: number | null, b: number | undefined) => (b === undefined ? a : a === null ? b : Math.max(a, b))

/**
 * Adds one tagged sample (dynamics and tyres carry what the lap table needs).
 *
 * @example
 * ```ts
 * const next = accumulate(acc, sample, config)
 * ```
 */
export function accumulate(acc: LapAccumulator, s: TaggedSample, config: F1Config): LapAccumulator {
  const first = acc.first === null ? s.timestamp : Math.min(acc.first, s.timestamp)
  const last = acc.last === null ? s.timestamp : Math.max(acc.last, s.timestamp)
  if (s.channel === 'dynamics') {
    const shifted = acc.lastGear !== null && acc.lastGear !== s.gear
    return {
      ...acc,
      first,
      last,
      dynamics: acc.dynamics + 1,
      speedSum: acc.speedSum + s.speed,
      topSpeed: Math.max(acc.topSpeed, s.speed),
      fullThrottle: acc.fullThrottle + (s.throttle >= config.lapStats.fullThrottle ? 1 : 0),
      braking: acc.braking + (s.brake > config.lapStats.braking ? 1 : 0),
      gearShifts: acc.gearShifts + (shifted ? 1 : 0),
      lastGear: s.gear,
    }
  }
  if (s.channel === 'tyres') {
    let { maxBrakeTemp, maxTyreSurfaceTemp, maxTyreInnerTemp } = acc
    for (const c of corners) {
      maxBrakeTemp = max(maxBrakeTemp, s[c].brakeTemp)
      maxTyreSurfaceTemp = max(maxTyreSurfaceTemp, s[c].surfaceTemp)
      maxTyreInnerTemp = max(maxTyreInnerTemp, s[c].innerTemp)
    }
    return { ...acc, first, last, maxBrakeTemp, maxTyreSurfaceTemp, maxTyreInnerTemp }
  }
  return acc
}

/**
 * {@link accumulate} into `acc` itself, for an accumulator its caller owns (the lap-stats
 * processor's laps in progress, put again after every change): no copy per sample.
 *
 * @example
 * ```ts
 * accumulateInPlace(laps['3'], sample, config) === laps['3'] // true
 * ```
 */
export function accumulateInPlace(acc: LapAccumulator, s: TaggedSample, config: F1Config): LapAccumulator {
  if (s.channel !== 'dynamics' && s.channel !== 'tyres') return acc
  const a = acc as { -readonly [P in keyof LapAccumulator]: LapAccumulator[P] }
  a.first = a.first === null ? s.timestamp : Math.min(a.first, s.timestamp)
  a.last = a.last === null ? s.timestamp : Math.max(a.last, s.timestamp)
  if (s.channel === 'dynamics') {
    if (a.lastGear !== null && a.lastGear !== s.gear) a.gearShifts++
    a.dynamics++
    a.speedSum += s.speed
    a.topSpeed = Math.max(a.topSpeed, s.speed)
    if (s.throttle >= config.lapStats.fullThrottle) a.fullThrottle++
    if (s.brake > config.lapStats.braking) a.braking++
    a.lastGear = s.gear
    return acc
  }
  for (const c of corners) {
    a.maxBrakeTemp = max(a.maxBrakeTemp, s[c].brakeTemp)
    a.maxTyreSurfaceTemp = max(a.maxTyreSurfaceTemp, s[c].surfaceTemp)
    a.maxTyreInnerTemp = max(a.maxTyreInnerTemp, s[c].innerTemp)
  }
  return acc
}

const pct = (n: number, of: number) => (of === 0 ? null : Math.round((1000 * n) / of) / 10)

/**
 * The lap stats of a completed lap.
 *
 * @example
 * ```ts
 * lapStats(lap, acc).fullThrottlePct // 61.3
 * ```
 */
export function lapStats(lap: Lap, acc: LapAccumulator): LapStats {
  return {
    sessionKey: lap.sessionKey,
    carNumber: lap.carNumber,
    lapNumber: lap.lapNumber,
    lapStart: lap.lapStart,
    lapTimeMs: lap.lapDuration,
    sectorTimesMs: [lap.sector1, lap.sector2, lap.sector3],
    topSpeedKmh: acc.dynamics === 0 ? null : acc.topSpeed,
    avgSpeedKmh: acc.dynamics === 0 ? null : Math.round((10 * acc.speedSum) / acc.dynamics) / 10,
    fullThrottlePct: pct(acc.fullThrottle, acc.dynamics),
    brakingPct: pct(acc.braking, acc.dynamics),
    gearShifts: acc.gearShifts,
    maxBrakeTempC: acc.maxBrakeTemp,
    maxTyreSurfaceTempC: acc.maxTyreSurfaceTemp,
    maxTyreInnerTempC: acc.maxTyreInnerTemp,
    samples: acc.dynamics,
    pitIn: lap.pitIn,
    pitOut: lap.pitOut,
  }
}
