/**
 * @module
 * Race strategy decided before lights out from the seed: each car's pit laps and compounds, which
 * cars retire and where, and the pace model applied at every lap start (compound, wear, fuel load,
 * driver form).
 */
import type { CarState, Compound } from './car-state.ts'
import type { Rng } from './prng.ts'

const COMPOUND_PACE: Readonly<Record<Compound, number>> = { soft: 1.006, medium: 1, hard: 0.995 }

/**
 * Fills `pitLaps`, `pitCompounds` and the starting compound of a car.
 *
 * @example
 * ```ts
 * planPitStops(car, rng, 55) // car.pitLaps = [24], car.pitCompounds = ['hard']
 * ```
 */
export function planPitStops(car: CarState, rng: Rng, laps: number): void {
  car.compound = rng.chance(0.6) ? 'medium' : 'soft'
  if (laps < 2) return
  const at = (lo: number, hi: number) =>
    Math.min(laps - 1, Math.max(1, rng.int(Math.round(lo * laps), Math.round(hi * laps))))
  if (laps < 4) {
    if (rng.chance(0.5)) car.pitLaps.push(rng.int(1, laps - 1))
  } else if (laps >= 30 && rng.chance(0.4)) {
    car.pitLaps.push(at(0.25, 0.4), at(0.6, 0.75))
  } else {
    car.pitLaps.push(at(0.35, 0.6))
  }
  for (let i = 0; i < car.pitLaps.length; i++) car.pitCompounds.push(i === 0 ? 'hard' : 'medium')
}

/**
 * Picks `count` cars to retire, each on a lap in the middle of the race at a point on the lap.
 *
 * @example
 * ```ts
 * planRetirements(cars, rng, 2, 55, track.length)
 * ```
 */
export function planRetirements(
  cars: readonly CarState[],
  rng: Rng,
  count: number,
  laps: number,
  length: number,
): void {
  const pool = cars.map((c) => c.index)
  for (let n = 0; n < count && pool.length > 1; n++) {
    const car = cars[pool.splice(rng.int(0, pool.length - 1), 1)[0]!]!
    car.retireLap = rng.int(Math.max(1, Math.round(0.2 * laps)), Math.max(1, Math.round(0.8 * laps)))
    car.retireAt = Math.round(rng.range(0.1, 0.8) * length)
  }
}

/**
 * The pace multiplier for a lap: compound, tyre wear, fuel load and a little driver variation.
 *
 * @example
 * ```ts
 * car.pace = lapPace(car, rng, 110)
 * ```
 */
export function lapPace(car: CarState, rng: Rng, startFuel: number): number {
  const wear = (car.wear[0]! + car.wear[1]! + car.wear[2]! + car.wear[3]!) / 4
  const fuel = 1 + 0.012 * (1 - car.fuel / Math.max(1, startFuel))
  return COMPOUND_PACE[car.compound] * (1 - wear * 0.0003) * fuel * (1 + rng.normal(0, 0.002))
}
