/**
 * @module
 * Maps OpenF1 rows, fed in event-time order, to event-model records. car_data -> dynamics,
 * power-unit and aero samples; location -> position samples; laps -> laps completed with the
 * latest race position and gaps (position, intervals), the pit lane (pit) and the tyre (stints);
 * drivers, sessions and race_control -> their records. Samples missing a required value (a null
 * speed) are skipped and counted, never invented.
 */
import { acronymOf, normalizeColour } from '../../topology/f1/model/driver.ts'
import { keyOf } from '../../topology/f1/model/envelope.ts'
import type { Lap } from '../../topology/f1/model/lap.ts'
import type { TelemetrySample } from '../../topology/f1/model/telemetry.ts'
import { type F1Record, F1Topics } from '../../topology/f1/topics.ts'
import type { Endpoint, RowOf } from './rows.ts'
import * as v from './values.ts'

const source = 'openf1' as const

interface DriverState {
  position?: number
  gapToLeader?: number | null
  interval?: number | null
  pitLaps: Set<number>
  stints: RowOf<'stints'>[]
}

/**
 * Stateful OpenF1 row -> record mapper for one replay.
 *
 * @example
 * ```ts
 * const mapper = new OpenF1Mapper()
 * const records = mapper.map('car_data', row, Date.parse(row.date))
 * ```
 */
export class OpenF1Mapper {
  #drivers = new Map<string, DriverState>()
  #incomplete = 0

  /** Rows that could not become a record because a required value was null. */
  get incomplete(): number {
    return this.#incomplete
  }

  #driver(sessionKey: number, carNumber: number): DriverState {
    const key = keyOf(String(sessionKey), carNumber)
    let state = this.#drivers.get(key)
    if (!state) {
      state = { pitLaps: new Set(), stints: [] }
      this.#drivers.set(key, state)
    }
    return state
  }

  /** Maps one row whose event time is `time` (epoch ms). */
  map<E extends Endpoint>(endpoint: E, row: RowOf<E>, time: number): F1Record[] {
    const timestamp = Math.max(0, Math.round(time))
    switch (endpoint) {
      case 'car_data':
        return this.#carData(row as RowOf<'car_data'>, timestamp)
      case 'location': {
        const r = row as RowOf<'location'>
        return [this.#sample(r, timestamp, { channel: 'position', x: r.x, y: r.y, z: r.z })]
      }
      case 'position': {
        const r = row as RowOf<'position'>
        this.#driver(r.session_key, r.driver_number).position = r.position
        return []
      }
      case 'intervals': {
        const r = row as RowOf<'intervals'>
        const d = this.#driver(r.session_key, r.driver_number)
        d.gapToLeader = v.gapOf(r.gap_to_leader)
        d.interval = v.gapOf(r.interval)
        return []
      }
      case 'pit': {
        const r = row as RowOf<'pit'>
        if (typeof r.lap_number === 'number') this.#driver(r.session_key, r.driver_number).pitLaps.add(r.lap_number)
        return []
      }
      case 'stints': {
        const r = row as RowOf<'stints'>
        this.#driver(r.session_key, r.driver_number).stints.push(r)
        return []
      }
      case 'laps':
        return [this.#lap(row as RowOf<'laps'>, timestamp)]
      case 'drivers':
        return [this.#driverRecord(row as RowOf<'drivers'>, timestamp)]
      case 'sessions':
        return [this.#session(row as RowOf<'sessions'>, timestamp)]
      case 'race_control':
        return [this.#raceControl(row as RowOf<'race_control'>, timestamp)]
      default:
        return []
    }
  }

  #sample(r: { session_key: number; driver_number: number }, timestamp: number, fields: object): F1Record {
    const sessionKey = String(r.session_key)
    const value = { sessionKey, carNumber: r.driver_number, timestamp, source, ...fields } as TelemetrySample
    return { topic: F1Topics.telemetryRaw.name, key: keyOf(sessionKey, r.driver_number), value, timestamp }
  }

  #carData(r: RowOf<'car_data'>, timestamp: number): F1Record[] {
    const out: F1Record[] = []
    const { speed, throttle, brake, n_gear: gear } = r
    if (speed == null || throttle == null || brake == null || gear == null) this.#incomplete++
    else
      out.push(
        this.#sample(r, timestamp, { channel: 'dynamics', speed, throttle: throttle / 100, brake: brake / 100, gear }),
      )
    if (r.rpm == null) this.#incomplete++
    else out.push(this.#sample(r, timestamp, { channel: 'power-unit', rpm: r.rpm }))
    if (r.drs != null) out.push(this.#sample(r, timestamp, { channel: 'aero', drsOpen: v.drsOpen(r.drs) }))
    return out
  }

  #lap(r: RowOf<'laps'>, timestamp: number): F1Record {
    const d = this.#driver(r.session_key, r.driver_number)
    const stint = d.stints.find((s) => (s.lap_start ?? 0) <= r.lap_number && r.lap_number <= (s.lap_end ?? 999))
    const tyreAge =
      stint?.tyre_age_at_start != null
        ? stint.tyre_age_at_start + r.lap_number - (stint.lap_start ?? r.lap_number)
        : null
    const sessionKey = String(r.session_key)
    const value: Lap = {
      sessionKey,
      carNumber: r.driver_number,
      timestamp,
      source,
      lapNumber: r.lap_number,
      lapStart: v.epochMs(r.date_start),
      lapDuration: v.secondsToMs(r.lap_duration),
      sector1: v.secondsToMs(r.duration_sector_1),
      sector2: v.secondsToMs(r.duration_sector_2),
      sector3: v.secondsToMs(r.duration_sector_3),
      speedTrap: r.st_speed ?? null,
      i1Speed: r.i1_speed ?? null,
      i2Speed: r.i2_speed ?? null,
      position: d.position ?? null,
      pitIn: d.pitLaps.has(r.lap_number),
      pitOut: r.is_pit_out_lap === true,
      compound: stint ? v.compoundOf(stint.compound) : null,
      tyreAge: tyreAge !== null && tyreAge >= 0 ? tyreAge : null,
      gapToLeader: d.gapToLeader ?? null,
      interval: d.interval ?? null,
    }
    return { topic: F1Topics.laps.name, key: keyOf(sessionKey, r.driver_number), value, timestamp }
  }

  #driverRecord(r: RowOf<'drivers'>, timestamp: number): F1Record {
    const sessionKey = String(r.session_key)
    const fullName = r.full_name?.trim() || r.broadcast_name?.trim() || `Car ${r.driver_number}`
    const value = {
      sessionKey,
      carNumber: r.driver_number,
      timestamp,
      source,
      nameAcronym: (r.name_acronym ?? acronymOf(fullName)).toUpperCase(),
      fullName,
      teamName: r.team_name ?? null,
      teamColour: normalizeColour(r.team_colour),
    }
    return { topic: F1Topics.drivers.name, key: keyOf(sessionKey, r.driver_number), value, timestamp }
  }

  #session(r: RowOf<'sessions'>, timestamp: number): F1Record {
    const sessionKey = String(r.session_key)
    const value = {
      sessionKey,
      timestamp,
      source,
      name: r.session_name ?? 'Unknown',
      type: v.sessionTypeOf(r.session_type, r.session_name),
      circuit: r.circuit_short_name ?? r.location ?? 'Unknown',
      country: r.country_name ?? null,
      start: v.epochMs(r.date_start),
      end: v.epochMs(r.date_end),
      totalLaps: null,
    }
    return { topic: F1Topics.sessions.name, key: sessionKey, value, timestamp }
  }

  #raceControl(r: RowOf<'race_control'>, timestamp: number): F1Record {
    const sessionKey = String(r.session_key)
    const message = r.message ?? ''
    const value = {
      sessionKey,
      timestamp,
      source,
      category: v.categoryOf(r.category, message),
      flag: v.flagOf(r.flag),
      scope: v.scopeOf(r.scope),
      sector: r.sector != null && r.sector >= 1 ? r.sector : null,
      carNumber: r.driver_number ?? null,
      message,
      safetyCar: v.safetyCarOf(message),
      lap: r.lap_number ?? null,
    }
    return { topic: F1Topics.raceControl.name, key: sessionKey, value, timestamp }
  }
}
