/**
 * @module
 * What the UDP mapper remembers about one car between packets: its racing number, the lap in
 * progress (to emit a lap record when it completes), and the latest motion, status and damage
 * (the game spreads one car's channels over several packets).
 */
import type { CarDamage } from './car-damage.ts'
import type { CarStatus } from './car-status.ts'
import type { LapData } from './lap-data.ts'
import type { CarMotion } from './motion.ts'

/** The mapper's memory of one car. */
export interface CarState {
  carNumber?: number
  lap?: number
  lapStart: number | null
  sector1: number | null
  sector2: number | null
  pitIn: boolean
  pitOut: boolean
  invalid: boolean
  lastLapData?: LapData
  motion?: CarMotion
  status?: CarStatus
  damage?: CarDamage
  system?: string
  sequence: Record<string, number>
}

/**
 * A fresh car state.
 *
 * @example
 * ```ts
 * const car = newCarState()
 * ```
 */
export function newCarState(): CarState {
  return { lapStart: null, sector1: null, sector2: null, pitIn: false, pitOut: false, invalid: false, sequence: {} }
}

/**
 * The next per-channel sequence number of a car.
 *
 * @example
 * ```ts
 * nextSequence(car, 'dynamics') // 0, then 1, ...
 * ```
 */
export function nextSequence(car: CarState, channel: string): number {
  const n = car.sequence[channel] ?? 0
  car.sequence[channel] = n + 1
  return n
}

/** Fault codes and warnings from damage, for the `system` channel. */
export function systemCodes(damage: CarDamage | undefined): { errors: string[]; warnings: string[] } {
  const errors: string[] = []
  const warnings: string[] = []
  if (damage === undefined) return { errors, warnings }
  if (damage.drsFault) errors.push('DRS_FAULT')
  if (damage.ersFault) errors.push('ERS_FAULT')
  if (damage.engineBlown) errors.push('ENGINE_BLOWN')
  if (damage.engineSeized) errors.push('ENGINE_SEIZED')
  if (damage.gearBoxDamage >= 50) warnings.push('GEARBOX_DAMAGE')
  if (damage.engineDamage >= 50) warnings.push('ENGINE_DAMAGE')
  if (Math.max(damage.frontLeftWingDamage, damage.frontRightWingDamage, damage.rearWingDamage) >= 50) {
    warnings.push('WING_DAMAGE')
  }
  return { errors, warnings }
}

/** The dash flag of a CarStatus vehicleFiaFlags value. */
export function flagOf(vehicleFiaFlags: number | undefined): 'none' | 'green' | 'blue' | 'yellow' | undefined {
  return vehicleFiaFlags === undefined ? undefined : (['none', 'green', 'blue', 'yellow'] as const)[vehicleFiaFlags]
}

/** The car's state from its lap data. */
export function carStateOf(lap: LapData | undefined): 'garage' | 'pit-lane' | 'on-track' | 'retired' | undefined {
  if (lap === undefined) return undefined
  if (lap.resultStatus >= 4) return 'retired'
  if (lap.driverStatus === 0) return 'garage'
  if (lap.pitStatus > 0) return 'pit-lane'
  return 'on-track'
}
