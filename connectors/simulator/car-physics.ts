/**
 * @module
 * One 10 ms step of a car's motion: pick the target speed (speed profile for the track condition,
 * pit lane limiter and box stop, retirement roll-out), move towards it within the car's
 * acceleration and braking envelopes, then derive pedals, gear, RPM and g-forces from what the car
 * actually did.
 */
import type { CarState } from './car-state.ts'
import { nextGear, rpmFor } from './powertrain.ts'
import { accelerationLimit, brakingLimit } from './speed-profile.ts'
import type { Track } from './track.ts'

const G = 9.81
/** The track condition that picks the speed profile. */
export type TrackMode = 'green' | 'sc' | 'vsc'

function profileIndex(track: Track, s: number): number {
  const i = Math.floor(s)
  return i < 0 ? Math.max(0, track.length + i) : Math.min(i, track.length - 1)
}

function pitTarget(car: CarState, track: Track, target: number): number {
  const { entry, box, limit } = track.pit
  if (car.pitting && car.s < entry) return Math.min(target, Math.sqrt(limit * limit + 2 * 2.5 * G * (entry - car.s)))
  if (car.pitting && car.s <= box) return Math.min(target, limit, Math.sqrt(2 * 6 * Math.max(0, box - car.s)) + 0.3)
  if (car.pitting) return Math.min(target, limit, Math.sqrt(2 * 8 * (car.s - box)) + 0.5)
  return Math.min(target, limit)
}

/** Whether the car is between pit entry and pit exit. */
export function inPitLane(car: CarState, track: Track): boolean {
  return (car.pitting && car.s >= track.pit.entry) || (car.pitOutLap && car.s >= 0 && car.s < track.pit.exit)
}

/**
 * Advances one car by `dt` seconds at wall time `nowMs`; returns true when the car reached its
 * pit box during this step (the caller changes tyres).
 *
 * @example
 * ```ts
 * const atBox = stepMotion(car, track, 'green', 0.01, t)
 * ```
 */
export function stepMotion(car: CarState, track: Track, mode: TrackMode, dt: number, nowMs: number): boolean {
  const v = car.v
  if (nowMs < car.stoppedUntil) {
    car.v = 0
    car.accel = 0
    car.throttle = 0
    car.brake = 0.3
    car.gear = 0
    car.rpm = rpmFor(0, 0, 0)
    return false
  }
  const i = profileIndex(track, car.s)
  const profile =
    mode === 'sc'
      ? car.profiles.sc
      : mode === 'vsc'
        ? car.profiles.vsc
        : car.drsEligible
          ? car.profiles.drs
          : car.profiles.green
  let target = profile[i]! * car.pace
  if (car.pitting && car.s >= track.pit.entry - 400) target = pitTarget(car, track, target)
  else if (inPitLane(car, track)) target = pitTarget(car, track, target)
  car.drsOpen = mode === 'green' && car.drsEligible && isInDrsZone(track, car.s) && !car.pitting
  const aUp = Math.max(0.5, accelerationLimit(car.perf, v, car.drsOpen ? 0.8 : 1))
  const aDown = brakingLimit(car.perf, v)
  let vNew: number
  if (car.retiring) vNew = Math.max(0, v - 5 * dt)
  else vNew = target > v ? Math.min(target, v + aUp * dt) : Math.max(target, v - aDown * dt)
  let reachedBox = false
  const sNew = car.s + ((v + vNew) / 2) * dt
  if (car.pitting && car.s < track.pit.box && sNew >= track.pit.box) {
    reachedBox = true
    vNew = 0
  }
  car.s = sNew
  const a = (vNew - v) / dt
  car.v = vNew
  car.accel = a
  car.curvature = track.curvature[i]!
  const dragA = car.perf.drag * v * v
  if (a + dragA >= 0 && !car.retiring) {
    const gross = Math.min(1.3 * G * car.perf.grip, car.perf.powerToMass / Math.max(v, 1))
    const demand = (a + dragA) / gross + (car.curvature !== 0 ? 0.12 : 0)
    car.throttle = demand > 0.9 ? 1 : Math.min(1, demand)
    car.brake = 0
  } else {
    car.throttle = 0
    car.brake = car.retiring ? 0.2 : Math.min(1, Math.max(0, (-a - dragA) / (aDown - dragA)))
  }
  const kmh = vNew * 3.6
  car.gear = vNew < 0.5 && car.gear <= 1 && car.throttle === 0 ? 0 : nextGear(car.gear, kmh)
  car.rpm = rpmFor(car.gear, kmh, car.throttle)
  return reachedBox
}

/** Whether `s` lies in a DRS zone. */
export function isInDrsZone(track: Track, s: number): boolean {
  for (const [a, b] of track.drsZones) if (s >= a && s < b) return true
  return false
}
