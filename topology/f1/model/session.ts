/**
 * @module
 * A session (practice, qualifying, sprint, race): keyed by its session key alone.
 */
import { z } from 'zod'
import { sessionKeySchema, sourceSchema, timestampSchema } from './envelope.ts'

/** The kind of session, normalized across sources. */
export const sessionTypeSchema = z.enum([
  'practice',
  'qualifying',
  'sprint-qualifying',
  'sprint',
  'race',
  'time-trial',
  'other',
])
/** The kind of session. */
export type SessionType = z.infer<typeof sessionTypeSchema>

/**
 * A session.
 *
 * @example
 * ```ts
 * sessionSchema.parse({ sessionKey: '9158', timestamp: 0, source: 'openf1', name: 'Race', type: 'race',
 *   circuit: 'Monza', country: 'Italy', start: 1_693_746_000_000, end: 1_693_753_200_000, totalLaps: 51 })
 * ```
 */
export const sessionSchema = z.strictObject({
  sessionKey: sessionKeySchema,
  timestamp: timestampSchema,
  source: sourceSchema,
  /** The session's own name, e.g. 'Race', 'Practice 1', 'Sprint Shootout'. */
  name: z.string().min(1).max(100),
  type: sessionTypeSchema,
  circuit: z.string().min(1).max(100),
  country: z.string().max(100).nullable(),
  /** Scheduled or observed start and end, epoch ms. */
  start: timestampSchema.nullable(),
  end: timestampSchema.nullable(),
  totalLaps: z.int().min(0).max(999).nullable(),
  /** Circuit length in metres, when known. */
  trackLength: z.number().min(0).max(100_000).nullable().optional(),
})

/** A session. */
export type Session = z.infer<typeof sessionSchema>
