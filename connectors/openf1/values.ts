/**
 * @module
 * Pure conversions from OpenF1's vocabulary and units to the event model's: seconds -> ms,
 * percent -> 0..1, flag and category names, session types, safety car messages, DRS codes.
 */

import type { RaceControl } from '../../topology/f1/model/race-control.ts'
import type { SessionType } from '../../topology/f1/model/session.ts'
import type { Flag } from '../../topology/f1/model/telemetry.ts'

/**
 * Epoch ms of an OpenF1 date ('2023-09-16T13:03:35.292000+00:00'); `null` for null or invalid.
 *
 * @example
 * ```ts
 * epochMs('2023-09-16T13:03:35.292000+00:00') // 1694869415292
 * ```
 */
export function epochMs(date: string | null | undefined): number | null {
  if (typeof date !== 'string') return null
  const ms = Date.parse(date)
  return Number.isFinite(ms) ? ms : null
}

/** Seconds to whole ms; null stays null. */
export function secondsToMs(s: number | null | undefined): number | null {
  return typeof s === 'number' && Number.isFinite(s) ? Math.round(s * 1000) : null
}

/** DRS codes 10, 12 and 14 mean open (0/1 off, 8 eligible). */
export function drsOpen(code: number): boolean {
  return code >= 10
}

const flags: Record<string, Flag> = {
  GREEN: 'green',
  CLEAR: 'green',
  YELLOW: 'yellow',
  'DOUBLE YELLOW': 'double-yellow',
  RED: 'red',
  BLUE: 'blue',
  CHEQUERED: 'chequered',
  'BLACK AND WHITE': 'black-white',
  BLACK: 'black',
}

/** The model's flag of an OpenF1 flag name ('DOUBLE YELLOW' -> 'double-yellow'). */
export function flagOf(flag: string | null | undefined): Flag | null {
  return flag ? (flags[flag.toUpperCase()] ?? null) : null
}

/** The model's category of an OpenF1 category ('SafetyCar' -> 'safety-car'). */
export function categoryOf(category: string | null | undefined, message: string): RaceControl['category'] {
  switch ((category ?? '').toLowerCase()) {
    case 'flag':
      return 'flag'
    case 'safetycar':
      return 'safety-car'
    case 'drs':
      return 'drs'
    case 'carevent':
      return /PENALTY/.test(message) ? 'penalty' : 'car-event'
    case 'sessionstatus':
      return 'session'
    default:
      return 'other'
  }
}

/** The neutralization a message starts or ends. */
export function safetyCarOf(message: string): RaceControl['safetyCar'] {
  const m = message.toUpperCase()
  if (m.includes('VIRTUAL SAFETY CAR')) {
    if (m.includes('DEPLOYED')) return 'vsc'
    if (m.includes('ENDING')) return 'vsc-ending'
    return null
  }
  if (m.includes('SAFETY CAR DEPLOYED')) return 'sc'
  if (m.includes('SAFETY CAR IN THIS LAP') || m.includes('SAFETY CAR ENDING')) return 'sc-ending'
  return null
}

/** The model's scope of an OpenF1 scope ('Track', 'Sector', 'Driver'). */
export function scopeOf(scope: string | null | undefined): RaceControl['scope'] {
  const s = (scope ?? '').toLowerCase()
  return s === 'track' || s === 'sector' || s === 'driver' ? s : null
}

/** The model's session type of an OpenF1 session type and name ('Race' + 'Sprint' -> 'sprint'). */
export function sessionTypeOf(type: string | null | undefined, name: string | null | undefined): SessionType {
  const t = (type ?? '').toLowerCase()
  const n = (name ?? '').toLowerCase()
  if (t === 'race') return n.includes('sprint') ? 'sprint' : 'race'
  if (t === 'qualifying') return n.includes('sprint') ? 'sprint-qualifying' : 'qualifying'
  if (t === 'practice') return 'practice'
  return 'other'
}

/** The model's compound of an OpenF1 compound ('SOFT' -> 'soft'). */
export function compoundOf(
  compound: string | null | undefined,
): 'soft' | 'medium' | 'hard' | 'intermediate' | 'wet' | 'unknown' {
  const c = (compound ?? '').toLowerCase()
  return c === 'soft' || c === 'medium' || c === 'hard' || c === 'intermediate' || c === 'wet' ? c : 'unknown'
}

/** A gap in seconds, or `null` for '+1 LAP' and other non-numbers. */
export function gapOf(gap: number | string | null | undefined): number | null {
  return typeof gap === 'number' && Number.isFinite(gap) && gap >= 0 ? gap : null
}
