/**
 * @module
 * The slower physics of a car, stepped with its motion: ERS (deploy on full throttle while the store
 * and the per-lap allowance last, harvest under braking until the store is full, and nothing else,
 * so harvesting always charges the store), fuel burn, engine, brake and tyre temperatures (first
 * order lags towards load-dependent targets) and tyre wear.
 */
import type { CarState, Compound } from './car-state.ts'

/** ERS store capacity, the floor below which deployment stops, and where harvesting stops (J). */
export const ERS = { capacity: 4e6, deployFloor: 5e5, harvestCeiling: 3.98e6, lapAllowance: 4e6, powerKw: 120 } as const
/** Tyre wear in % per lap of green running, by compound. */
export const WEAR_PER_LAP: Readonly<Record<Compound, number>> = { soft: 3.4, medium: 2.3, hard: 1.6 }
/** Fuel burn at full throttle (kg/s) and at idle. */
const FUEL_FULL = 0.032
const FUEL_IDLE = 0.002

/** Tyre working temperature offset of a compound (°C). */
const COMPOUND_HEAT: Readonly<Record<Compound, number>> = { soft: 6, medium: 2, hard: -2 }

/**
 * Steps ERS, fuel, temperatures and wear by `dt` seconds. `lapSeconds` is the nominal lap time,
 * used to spread the per-lap wear over the lap.
 *
 * @example
 * ```ts
 * stepSystems(car, 0.01, 88)
 * ```
 */
export function stepSystems(car: CarState, dt: number, lapSeconds: number): void {
  const kmh = car.v * 3.6
  // ERS
  const deploy =
    car.throttle >= 1 && kmh > 100 && car.ersStore > ERS.deployFloor && car.lapDeployed < ERS.lapAllowance
      ? ERS.powerKw
      : 0
  const harvest = car.brake > 0.05 && car.ersStore < ERS.harvestCeiling ? ERS.powerKw * Math.min(1, car.brake * 1.5) : 0
  car.ersDeploy = deploy
  car.ersHarvest = harvest
  car.ersStore += (harvest - deploy) * 1000 * dt
  car.lapDeployed += deploy * 1000 * dt
  // fuel
  car.fuel = Math.max(0, car.fuel - (FUEL_IDLE + FUEL_FULL * car.throttle) * dt)
  // engine: slow lags towards load targets; little airflow at low speed heats the water
  car.load += ((car.throttle - car.load) * dt) / 20
  const slow = kmh < 60 ? 6 : 0
  car.waterTemp += ((88 + 16 * car.load + slow - car.waterTemp) * dt) / 15
  car.oilTemp += ((98 + 20 * car.load + slow - car.oilTemp) * dt) / 20
  car.engineTemp += ((108 + 22 * car.load + slow - car.engineTemp) * dt) / 8
  // brakes: heat with brake power, cool with airflow
  const cooling = 0.03 * (1 + car.v / 30)
  for (let c = 0; c < 4; c++) {
    const share = c < 2 ? 0.6 : 0.4
    const heat = car.brake * car.v * 13 * share
    const t = car.brakeTemp[c]!
    car.brakeTemp[c] = t + (heat - (t - 120) * cooling) * dt
  }
  // tyres: surface follows cornering, braking and traction quickly; the carcass follows slowly
  const gLat = Math.abs(car.v * car.v * car.curvature) / 9.81
  const base = 78 + COMPOUND_HEAT[car.compound] + Math.min(12, kmh / 30)
  const wearRate = (WEAR_PER_LAP[car.compound] / lapSeconds) * (kmh > 200 ? 1 : 0.5 + kmh / 400) * dt
  for (let c = 0; c < 4; c++) {
    const front = c < 2
    const target = base + 5 * gLat + (front ? 10 * car.brake : 8 * car.throttle * (car.v < 50 ? 1 : 0.3))
    car.surfaceTemp[c] = car.surfaceTemp[c]! + ((target - car.surfaceTemp[c]!) * dt) / 1.2
    car.innerTemp[c] = car.innerTemp[c]! + ((car.surfaceTemp[c]! + 6 - car.innerTemp[c]!) * dt) / 25
    car.wear[c] = Math.min(100, car.wear[c]! + wearRate * (front ? 1.05 : 0.95) * (0.7 + 0.15 * gLat))
  }
}

/** Cold-tyre pressure of the model (psi) at a carcass temperature: the tyre channel's pressure. */
export function tyrePressure(innerTemp: number, front: boolean): number {
  return (front ? 19.2 : 18.2) + (innerTemp - 60) * 0.05
}

/** Fits a new set of tyres on the car (at a pit stop). */
export function fitTyres(car: CarState, compound: Compound): void {
  car.compound = compound
  car.tyreAgeLaps = 0
  for (let c = 0; c < 4; c++) {
    car.wear[c] = 0
    car.surfaceTemp[c] = 72
    car.innerTemp[c] = 75
  }
}
