/**
 * @module
 * The samples of one car's CarTelemetry record, completed with the car's latest Motion (g-forces),
 * CarStatus (ERS, fuel, compound, brake bias) and CarDamage (tyre wear): dynamics, power unit,
 * tyres and aero. Wheel arrays in the game are ordered RL, RR, FL, FR.
 */
import type { TelemetrySample } from '../../topology/f1/model/telemetry.ts'
import { type CarState, nextSequence } from './car-state.ts'
import type { CarTelemetry } from './car-telemetry.ts'
import { compoundOf } from './game-tables.ts'

const wheel = { RL: 0, RR: 1, FL: 2, FR: 3 } as const

/** The envelope of a sample of one car. */
export interface SampleBase {
  sessionKey: string
  timestamp: number
  carNumber: number
  source: 'f1-udp'
  lap?: number
}

/**
 * Dynamics, power-unit, tyres and aero samples of one car (ERS in kW from the MGU-K's W: positive
 * is deploy, negative harvest).
 *
 * @example
 * ```ts
 * telemetrySamples(car, packet.carTelemetryData[i], base).map((s) => s.channel) // ['dynamics', ...]
 * ```
 */
export function telemetrySamples(car: CarState, t: CarTelemetry, base: SampleBase): TelemetrySample[] {
  const m = car.motion
  const s = car.status
  const g = m ? { gLat: m.gForceLateral, gLong: m.gForceLongitudinal, gVert: m.gForceVertical } : {}
  const mguk = s?.enginePowerMGUK ?? 0
  const ers = s
    ? {
        ersStore: s.ersStoreEnergy,
        ersDeploy: Math.max(0, mguk) / 1000,
        ersHarvest: Math.max(0, -mguk) / 1000,
        fuel: s.fuelInTank,
      }
    : {}
  const corner = (w: number) => ({
    pressure: t.tyresPressure[w]!,
    surfaceTemp: t.tyresSurfaceTemperature[w]!,
    innerTemp: t.tyresInnerTemperature[w]!,
    brakeTemp: t.brakesTemperature[w]!,
    ...(car.damage ? { wear: car.damage.tyresWear[w]! } : {}),
  })
  return [
    {
      ...base,
      channel: 'dynamics',
      sequence: nextSequence(car, 'dynamics'),
      speed: t.speed,
      throttle: t.throttle,
      brake: t.brake,
      gear: t.gear,
      steering: t.steer,
      ...g,
    },
    {
      ...base,
      channel: 'power-unit',
      sequence: nextSequence(car, 'power-unit'),
      rpm: t.engineRPM,
      engineTemp: t.engineTemperature,
      ...ers,
    },
    {
      ...base,
      channel: 'tyres',
      sequence: nextSequence(car, 'tyres'),
      FL: corner(wheel.FL),
      FR: corner(wheel.FR),
      RL: corner(wheel.RL),
      RR: corner(wheel.RR),
      ...(s ? { compound: compoundOf(s.visualTyreCompound), ageLaps: s.tyresAgeLaps } : {}),
    },
    {
      ...base,
      channel: 'aero',
      sequence: nextSequence(car, 'aero'),
      drsOpen: t.drs === 1,
      ...(s && s.frontBrakeBias > 0 ? { brakeBalance: s.frontBrakeBias } : {}),
    },
  ]
}
