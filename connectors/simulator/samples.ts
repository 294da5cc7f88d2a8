/**
 * @module
 * Builds the telemetry samples of one car from its state, in the event model's exact shapes
 * (topology/f1/model), with sensor noise on every continuous reading so that normal driving never
 * flatlines. Values are rounded to what a logger would send (rpm 1, temperatures 0.01 °C,
 * pressures 0.001 psi), which keeps exact repeats out of noisy fields.
 */
import type { SampleOf } from '../../topology/f1/model/index.ts'
import { inPitLane } from './car-physics.ts'
import type { CarState } from './car-state.ts'
import { tyrePressure } from './car-systems.ts'
import type { Track } from './track.ts'

/** Index of each channel in `CarState.seq`. */
export const CHANNEL_INDEX = { position: 0, dynamics: 1, 'power-unit': 2, tyres: 3, aero: 4, system: 5 } as const

const r1 = (x: number) => Math.round(x * 10) / 10
const r2 = (x: number) => Math.round(x * 100) / 100
const r3 = (x: number) => Math.round(x * 1000) / 1000
const clamp01 = (x: number) => Math.max(0, Math.min(1, x))

/** A cheap, deterministic noise of standard deviation `sd` (sum of two uniforms). */
function noise(car: CarState, sd: number): number {
  return (car.rng.next() + car.rng.next() - 1) * 2.45 * sd
}

function envelope(car: CarState, sessionKey: string, t: number, channel: number) {
  return {
    sessionKey,
    carNumber: car.entrant.carNumber,
    timestamp: t,
    source: 'simulator' as const,
    lap: car.lap,
    sequence: car.seq[channel]++,
  }
}

/**
 * The position sample (x/y/z in metres, speed km/h, heading degrees); pit lane runs 18 m to the
 * right of the main straight.
 *
 * @example
 * ```ts
 * positionSample(car, track, '9999', t) // { channel: 'position', x, y, z, speed, heading, ... }
 * ```
 */
export function positionSample(car: CarState, track: Track, sessionKey: string, t: number): SampleOf<'position'> {
  const s = car.s < 0 ? car.s + track.length : car.s
  const i = Math.min(Math.floor(s), track.length - 1)
  const f = s - i
  const h = track.heading[i]!
  const lateral = inPitLane(car, track) ? 18 : 0
  const x = track.x[i]! + (track.x[i + 1]! - track.x[i]!) * f + Math.sin(h) * lateral
  const y = track.y[i]! + (track.y[i + 1]! - track.y[i]!) * f - Math.cos(h) * lateral
  let deg = ((h * 180) / Math.PI) % 360
  if (deg < 0) deg += 360
  return {
    ...envelope(car, sessionKey, t, 0),
    channel: 'position',
    x: r2(x + noise(car, 0.05)),
    y: r2(y + noise(car, 0.05)),
    z: r2(track.z[i]! + noise(car, 0.02)),
    speed: car.v > 0 ? r1(Math.max(0, car.v * 3.6 + noise(car, 0.3))) : 0,
    heading: r1(deg) % 360,
  }
}

/** The dynamics sample: speed, pedals 0..1, gear, steering, g-forces. */
export function dynamicsSample(car: CarState, sessionKey: string, t: number): SampleOf<'dynamics'> {
  const gLat = (car.v * car.v * car.curvature) / 9.81
  return {
    ...envelope(car, sessionKey, t, 1),
    channel: 'dynamics',
    speed: car.v > 0 ? r1(Math.max(0, car.v * 3.6 + noise(car, 0.3))) : 0,
    throttle: car.throttle > 0 ? r3(clamp01(car.throttle + noise(car, 0.004))) : 0,
    brake: car.brake > 0 ? r3(clamp01(car.brake + noise(car, 0.004))) : 0,
    gear: car.gear,
    steering: r3(Math.max(-1, Math.min(1, -car.curvature * 12 + noise(car, 0.005)))),
    gLat: r2(Math.max(-9.9, Math.min(9.9, gLat + noise(car, 0.05)))),
    gLong: r2(Math.max(-9.9, Math.min(9.9, car.accel / 9.81 + noise(car, 0.05)))),
    gVert: r2(1 + noise(car, 0.08)),
  }
}

/** The power-unit sample: RPM, ERS store (J), deploy/harvest (kW), temperatures, fuel. */
export function powerUnitSample(car: CarState, sessionKey: string, t: number): SampleOf<'power-unit'> {
  return {
    ...envelope(car, sessionKey, t, 2),
    channel: 'power-unit',
    rpm: Math.max(0, Math.round(car.rpm + noise(car, 25))),
    ersStore: Math.max(0, Math.round(car.ersStore + noise(car, 1500))),
    ersDeploy: car.ersDeploy > 0 ? r2(car.ersDeploy + noise(car, 0.5)) : 0,
    ersHarvest: car.ersHarvest > 0 ? r2(Math.max(0.01, car.ersHarvest + noise(car, 0.5))) : 0,
    engineTemp: r2(car.engineTemp + noise(car, 0.15)),
    oilTemp: r2(car.oilTemp + noise(car, 0.15)),
    waterTemp: r2(car.waterTemp + noise(car, 0.15)),
    fuel: r3(car.fuel),
  }
}

function corner(car: CarState, c: number) {
  return {
    pressure: r3(tyrePressure(car.innerTemp[c]!, c < 2) + noise(car, 0.03)),
    surfaceTemp: r2(car.surfaceTemp[c]! + noise(car, 0.4)),
    innerTemp: r2(car.innerTemp[c]! + noise(car, 0.2)),
    wear: r2(car.wear[c]!),
    brakeTemp: r1(car.brakeTemp[c]! + noise(car, 2)),
  }
}

/** The tyres sample: the four corners at once, with compound and age. */
export function tyresSample(car: CarState, sessionKey: string, t: number): SampleOf<'tyres'> {
  return {
    ...envelope(car, sessionKey, t, 3),
    channel: 'tyres',
    FL: corner(car, 0),
    FR: corner(car, 1),
    RL: corner(car, 2),
    RR: corner(car, 3),
    compound: car.compound,
    ageLaps: car.tyreAgeLaps,
  }
}

/** The aero sample: DRS, wing angles (the rear flap opens with DRS), brake balance. */
export function aeroSample(car: CarState, sessionKey: string, t: number): SampleOf<'aero'> {
  return {
    ...envelope(car, sessionKey, t, 4),
    channel: 'aero',
    drsOpen: car.drsOpen,
    frontWingAngle: r2(18 + car.index * 0.1 + noise(car, 0.05)),
    rearWingAngle: r2((car.drsOpen ? 40 : 12) + noise(car, 0.05)),
    brakeBalance: r1(56 + car.entrant.teamRank * 0.2 + car.brake * 0.5),
  }
}

/** The system sample (emitted on change only): warnings, dash flag, car state. */
export function systemSample(car: CarState, sessionKey: string, t: number, warnings: string[]): SampleOf<'system'> {
  return {
    ...envelope(car, sessionKey, t, 5),
    channel: 'system',
    errors: [],
    warnings,
    flag: car.flag,
    state: car.status,
  }
}
