/**
 * @module
 * Race control messages: flags, safety car, DRS and car events, keyed by session (they concern the
 * whole track or name a car or sector).
 */
import { z } from 'zod'
import { carNumberSchema, sessionKeySchema, sourceSchema, timestampSchema } from './envelope.ts'
import { flagSchema } from './telemetry.ts'

/**
 * A race control message.
 *
 * @example
 * ```ts
 * raceControlSchema.parse({ sessionKey: '9158', timestamp: 5, source: 'openf1', category: 'safety-car',
 *   flag: null, scope: 'track', sector: null, carNumber: null, message: 'SAFETY CAR DEPLOYED',
 *   safetyCar: 'sc', lap: 12 })
 * ```
 */
export const raceControlSchema = z.strictObject({
  sessionKey: sessionKeySchema,
  timestamp: timestampSchema,
  source: sourceSchema,
  category: z.enum(['flag', 'safety-car', 'drs', 'car-event', 'session', 'penalty', 'other']),
  flag: flagSchema.nullable(),
  /** What the message applies to: the whole track, one sector or one driver. */
  scope: z.enum(['track', 'sector', 'driver']).nullable(),
  sector: z.int().min(1).max(99).nullable(),
  carNumber: carNumberSchema.nullable(),
  message: z.string().max(1000),
  /** The neutralization this message starts or ends; a red flag is `flag: 'red'`. */
  safetyCar: z.enum(['sc', 'vsc', 'sc-ending', 'vsc-ending']).nullable(),
  lap: z.int().min(0).max(999).nullable(),
})

/** A race control message. */
export type RaceControl = z.infer<typeof raceControlSchema>
