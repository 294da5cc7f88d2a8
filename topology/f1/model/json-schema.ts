/**
 * @module
 * The JSON Schema export of the event model (draft 2020-12), generated from the zod schemas so the
 * two can never drift: for documentation, external producers and the lakehouse layer.
 */
import { z } from 'zod'
import { driverSchema } from './driver.ts'
import { lapSchema } from './lap.ts'
import { raceControlSchema } from './race-control.ts'
import { sessionSchema } from './session.ts'
import { telemetrySampleSchema } from './telemetry.ts'

/** The event model's schemas by name. */
export const eventSchemas = {
  TelemetrySample: telemetrySampleSchema,
  Lap: lapSchema,
  Session: sessionSchema,
  Driver: driverSchema,
  RaceControl: raceControlSchema,
} as const

/**
 * The JSON Schema of every event type, by name.
 *
 * @example
 * ```ts
 * writeFileSync('telemetry.schema.json', JSON.stringify(eventJsonSchemas().TelemetrySample, null, 2))
 * ```
 */
export function eventJsonSchemas(): Record<keyof typeof eventSchemas, Record<string, unknown>> {
  const out = {} as Record<keyof typeof eventSchemas, Record<string, unknown>>
  for (const [name, schema] of Object.entries(eventSchemas)) {
    out[name as keyof typeof eventSchemas] = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>
  }
  return out
}
