/**
 * @module
 * Test support: small, valid event-model records to build golden tests from.
 */
import type { Driver, Lap, RaceControl, SampleOf } from '../../model/index.ts'

/** Session of the test records. */
export const SESSION = 'test-1'
/** The car key of car 44. */
export const CAR44 = `${SESSION}:44`

/**
 * A dynamics sample of car 44.
 *
 * @example
 * ```ts
 * dynamics(1_000, { speed: 250 })
 * ```
 */
export function dynamics(timestamp: number, over: Partial<SampleOf<'dynamics'>> = {}): SampleOf<'dynamics'> {
  return {
    sessionKey: SESSION,
    carNumber: 44,
    timestamp,
    source: 'simulator',
    channel: 'dynamics',
    speed: 200,
    throttle: 1,
    brake: 0,
    gear: 6,
    ...over,
  }
}

/**
 * A power-unit sample of car 44.
 *
 * @example
 * ```ts
 * powerUnit(1_000, { rpm: 11_000 })
 * ```
 */
export function powerUnit(timestamp: number, over: Partial<SampleOf<'power-unit'>> = {}): SampleOf<'power-unit'> {
  return {
    sessionKey: SESSION,
    carNumber: 44,
    timestamp,
    source: 'simulator',
    channel: 'power-unit',
    rpm: 10_000,
    ...over,
  }
}

/**
 * A lap of car 44.
 *
 * @example
 * ```ts
 * lap(1, 0, 90_000)
 * ```
 */
export function lap(lapNumber: number, lapStart: number, lapDuration: number): Lap {
  const third = Math.round(lapDuration / 3)
  return {
    sessionKey: SESSION,
    carNumber: 44,
    timestamp: lapStart + lapDuration,
    source: 'simulator',
    lapNumber,
    lapStart,
    lapDuration,
    sector1: third,
    sector2: third,
    sector3: lapDuration - 2 * third,
    speedTrap: 310,
    i1Speed: 280,
    i2Speed: 290,
    position: 1,
    pitIn: false,
    pitOut: false,
  }
}

/**
 * Car 44's driver.
 *
 * @example
 * ```ts
 * driver().nameAcronym // 'HAM'
 * ```
 */
export function driver(): Driver {
  return {
    sessionKey: SESSION,
    carNumber: 44,
    timestamp: 0,
    source: 'simulator',
    nameAcronym: 'HAM',
    fullName: 'Lewis Hamilton',
    teamName: 'Ferrari',
    teamColour: '#E8002D',
  }
}

/**
 * A race control message.
 *
 * @example
 * ```ts
 * raceControl(5_000, { safetyCar: 'sc' })
 * ```
 */
export function raceControl(timestamp: number, over: Partial<RaceControl> = {}): RaceControl {
  return {
    sessionKey: SESSION,
    timestamp,
    source: 'simulator',
    category: 'flag',
    flag: null,
    scope: 'track',
    sector: null,
    carNumber: null,
    message: 'MESSAGE',
    safetyCar: null,
    lap: null,
    ...over,
  }
}
