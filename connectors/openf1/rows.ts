/**
 * @module
 * The shapes of api.openf1.org/v1 rows, per endpoint, as zod schemas. They are lenient where real
 * dumps are (extra fields pass, most values may be null) and strict on what a row is useless
 * without (session and driver numbers, dates). Units are OpenF1's: seconds, km/h, percent.
 */
import { z } from 'zod'

const num = () => z.number().nullable().optional()
const int = () => z.int().nullable().optional()
const date = z.iso.datetime({ offset: true, local: true })
const session = { session_key: z.int(), meeting_key: int() }
const driver = { driver_number: z.int().min(0).max(999) }

/** Car telemetry, ~3.7 Hz: brake 0/100, throttle %, drs code, n_gear, rpm, speed km/h. */
export const carDataRow = z.object({
  ...session,
  ...driver,
  date,
  brake: num(),
  throttle: num(),
  drs: int(),
  n_gear: int(),
  rpm: num(),
  speed: num(),
})

/** A lap: durations in seconds, speeds in km/h. */
export const lapRow = z.object({
  ...session,
  ...driver,
  lap_number: z.int().min(0),
  date_start: date.nullable().optional(),
  lap_duration: num(),
  duration_sector_1: num(),
  duration_sector_2: num(),
  duration_sector_3: num(),
  i1_speed: num(),
  i2_speed: num(),
  st_speed: num(),
  is_pit_out_lap: z.boolean().nullable().optional(),
})

/** Race position changes. */
export const positionRow = z.object({ ...session, ...driver, date, position: z.int().min(1).max(99) })

/** Location on the circuit (the `location` endpoint), in OpenF1's track units. */
export const locationRow = z.object({ ...session, ...driver, date, x: z.number(), y: z.number(), z: z.number() })

/** A driver in a session. */
export const driverRow = z.object({
  ...session,
  ...driver,
  name_acronym: z.string().nullable().optional(),
  full_name: z.string().nullable().optional(),
  broadcast_name: z.string().nullable().optional(),
  team_name: z.string().nullable().optional(),
  team_colour: z.string().nullable().optional(),
})

/** A race control message. */
export const raceControlRow = z.object({
  ...session,
  date,
  category: z.string().nullable().optional(),
  flag: z.string().nullable().optional(),
  scope: z.string().nullable().optional(),
  sector: int(),
  driver_number: int(),
  message: z.string().nullable().optional(),
  lap_number: int(),
})

/** A session. */
export const sessionRow = z.object({
  ...session,
  session_name: z.string().nullable().optional(),
  session_type: z.string().nullable().optional(),
  circuit_short_name: z.string().nullable().optional(),
  location: z.string().nullable().optional(),
  country_name: z.string().nullable().optional(),
  date_start: date.nullable().optional(),
  date_end: date.nullable().optional(),
})

/** Gaps: `gap_to_leader` and `interval` in seconds, or a string such as '+1 LAP'. */
export const intervalRow = z.object({
  ...session,
  ...driver,
  date,
  gap_to_leader: z.union([z.number(), z.string()]).nullable().optional(),
  interval: z.union([z.number(), z.string()]).nullable().optional(),
})

/** A pit stop: the lap it was made on and the pit lane time in seconds. */
export const pitRow = z.object({ ...session, ...driver, date, lap_number: int(), pit_duration: num() })

/** A stint: compound and the laps it covered. */
export const stintRow = z.object({
  ...session,
  ...driver,
  stint_number: int(),
  compound: z.string().nullable().optional(),
  lap_start: int(),
  lap_end: int(),
  tyre_age_at_start: int(),
})

/** Every endpoint this connector reads, with its row schema. */
export const endpoints = {
  sessions: sessionRow,
  drivers: driverRow,
  stints: stintRow,
  car_data: carDataRow,
  location: locationRow,
  position: positionRow,
  intervals: intervalRow,
  pit: pitRow,
  laps: lapRow,
  race_control: raceControlRow,
} as const

/** An endpoint name, e.g. `'car_data'`. */
export type Endpoint = keyof typeof endpoints
/** The row type of an endpoint. */
export type RowOf<E extends Endpoint> = z.infer<(typeof endpoints)[E]>
