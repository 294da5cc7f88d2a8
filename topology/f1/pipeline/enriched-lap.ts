/**
 * @module
 * The enriched lap (f1.laps.enriched): OpenF1's driver-lap columns plus sectors and the flags the
 * lap ran under.
 */
import type { Driver, Lap } from '../model/index.ts'
import type { LapFlags } from './race-control-periods.ts'

/** One enriched lap. */
export interface EnrichedLap {
  readonly sessionKey: string
  readonly driverNumber: number
  readonly lapNumber: number
  readonly lapStart: number | null
  readonly lapDuration: number | null
  readonly sector1: number | null
  readonly sector2: number | null
  readonly sector3: number | null
  readonly speedTrap: number | null
  readonly position: number | null
  readonly pitIn: boolean
  readonly pitOut: boolean
  readonly nameAcronym: string | null
  readonly fullName: string | null
  readonly teamName: string | null
  readonly teamColour: string | null
  readonly flags: LapFlags | null
}

/**
 * The lap with its driver (flags are added after the race-control join).
 *
 * @example
 * ```ts
 * withDriver(lap, driver).nameAcronym // 'HAM'
 * ```
 */
export function withDriver(lap: Lap, driver: Driver | null): EnrichedLap {
  return {
    sessionKey: lap.sessionKey,
    driverNumber: lap.carNumber,
    lapNumber: lap.lapNumber,
    lapStart: lap.lapStart,
    lapDuration: lap.lapDuration,
    sector1: lap.sector1,
    sector2: lap.sector2,
    sector3: lap.sector3,
    speedTrap: lap.speedTrap,
    position: lap.position,
    pitIn: lap.pitIn,
    pitOut: lap.pitOut,
    nameAcronym: driver?.nameAcronym ?? null,
    fullName: driver?.fullName ?? null,
    teamName: driver?.teamName ?? null,
    teamColour: driver?.teamColour ?? null,
    flags: null,
  }
}
