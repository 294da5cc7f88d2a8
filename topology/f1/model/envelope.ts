/**
 * @module
 * The fields every F1 event carries (session, car, time, source) and the record keys derived from
 * them: one car's data is keyed `${sessionKey}:${carNumber}` so it stays in one partition.
 */
import { z } from 'zod'

/** Where an event came from. */
export const sourceSchema = z.enum(['simulator', 'f1-udp', 'openf1'])
/** Where an event came from: `'simulator' | 'f1-udp' | 'openf1'`. */
export type Source = z.infer<typeof sourceSchema>

/** A session identifier: OpenF1 `session_key`, the F1 game's u64 `sessionUID` or a simulator id, as a string. */
export const sessionKeySchema = z.string().min(1).max(64)

/** A car's racing number (the F1 game can report 0 for unnumbered cars). */
export const carNumberSchema = z.int().min(0).max(999)

/** Event time in epoch milliseconds. */
export const timestampSchema = z.number().int().min(0).max(8_640_000_000_000_000)

/**
 * The envelope shared by every per-car event (telemetry samples, laps, drivers).
 *
 * @example
 * ```ts
 * const e = envelopeShape // { sessionKey, carNumber, timestamp, source }
 * ```
 */
export const envelopeShape = {
  sessionKey: sessionKeySchema,
  carNumber: carNumberSchema,
  timestamp: timestampSchema,
  source: sourceSchema,
}

/**
 * The record key of one car in one session.
 *
 * @example
 * ```ts
 * keyOf('9158', 44) // '9158:44'
 * keyOf({ sessionKey: '9158', carNumber: 44 }) // '9158:44'
 * ```
 */
export function keyOf(session: string | { sessionKey: string; carNumber: number }, carNumber?: number): string {
  if (typeof session === 'string') return `${session}:${carNumber}`
  return `${session.sessionKey}:${session.carNumber}`
}

/**
 * Splits a key made by {@link keyOf}; `undefined` when the key is not of that shape.
 *
 * @example
 * ```ts
 * parseKey('9158:44') // { sessionKey: '9158', carNumber: 44 }
 * ```
 */
export function parseKey(key: string): { sessionKey: string; carNumber: number } | undefined {
  const at = key.lastIndexOf(':')
  if (at <= 0) return undefined
  const carNumber = Number(key.slice(at + 1))
  if (!Number.isInteger(carNumber) || carNumber < 0 || key.slice(at + 1) === '') return undefined
  return { sessionKey: key.slice(0, at), carNumber }
}
