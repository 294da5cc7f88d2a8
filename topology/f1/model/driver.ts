/**
 * @module
 * A driver in a session: racing number, three-letter acronym, team and team colour (`#RRGGBB`).
 */
import { z } from 'zod'
import { envelopeShape } from './envelope.ts'

/**
 * A driver of one car in one session.
 *
 * @example
 * ```ts
 * driverSchema.parse({ sessionKey: '9158', carNumber: 1, timestamp: 0, source: 'openf1',
 *   nameAcronym: 'VER', fullName: 'Max VERSTAPPEN', teamName: 'Red Bull Racing', teamColour: '#3671C6' })
 * ```
 */
export const driverSchema = z.strictObject({
  ...envelopeShape,
  /** Usually three upper-case letters ('VER'); game names may give up to four. */
  nameAcronym: z.string().regex(/^[A-Z0-9]{1,4}$/, 'nameAcronym must be 1 to 4 upper-case letters or digits'),
  fullName: z.string().min(1).max(100),
  teamName: z.string().max(100).nullable(),
  teamColour: z
    .string()
    .regex(/^#[0-9A-F]{6}$/, 'teamColour must be #RRGGBB in upper-case hex')
    .nullable(),
})

/** A driver of one car in one session. */
export type Driver = z.infer<typeof driverSchema>

/**
 * Normalizes a colour ('3671c6', '#3671C6') to `#3671C6`; `null` when it is not a 6-digit hex colour.
 *
 * @example
 * ```ts
 * normalizeColour('3671c6') // '#3671C6'
 * ```
 */
export function normalizeColour(colour: string | null | undefined): string | null {
  if (typeof colour !== 'string') return null
  const hex = colour.trim().replace(/^#/, '').toUpperCase()
  return /^[0-9A-F]{6}$/.test(hex) ? `#${hex}` : null
}

/**
 * A name acronym from a full name when the source has none: 'Max VERSTAPPEN' -> 'VER'.
 *
 * @example
 * ```ts
 * acronymOf('Lewis Hamilton') // 'HAM'
 * ```
 */
export function acronymOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/)
  const last = (words[words.length - 1] ?? '').normalize('NFD').replace(/[^A-Za-z0-9]/g, '')
  return (last.slice(0, 3) || 'UNK').toUpperCase()
}
