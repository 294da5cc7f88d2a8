/**
 * @module
 * The F1 game's enumerations that the event model needs as names: teams (with colours), tracks,
 * session types and tyre compounds.
 */
import type { SessionType } from '../../topology/f1/model/session.ts'
import type { PacketFormat } from './header.ts'

const teams: readonly (readonly [name: string, colour: string])[] = [
  ['Mercedes', '#27F4D2'],
  ['Ferrari', '#E8002D'],
  ['Red Bull Racing', '#3671C6'],
  ['Williams', '#64C4FF'],
  ['Aston Martin', '#229971'],
  ['Alpine', '#FF87BC'],
  ['RB', '#6692FF'],
  ['Haas F1 Team', '#B6BABD'],
  ['McLaren', '#FF8000'],
  ['Kick Sauber', '#52E252'],
]

/**
 * Team name and colour by the game's team id (the ten F1 teams; others are `null`).
 *
 * @example
 * ```ts
 * teamOf(2, 2024) // { name: 'Red Bull Racing', colour: '#3671C6' }
 * ```
 */
export function teamOf(teamId: number, format: PacketFormat): { name: string | null; colour: string | null } {
  const team = teams[teamId]
  if (team === undefined) return { name: null, colour: null }
  if (format === 2023 && teamId === 6) return { name: 'AlphaTauri', colour: '#5E8FAA' }
  if (format === 2023 && teamId === 9) return { name: 'Alfa Romeo', colour: '#C92D4B' }
  if (format >= 2025 && teamId === 6) return { name: 'Racing Bulls', colour: team[1] }
  return { name: team[0], colour: team[1] }
}

const tracks = [
  'Melbourne',
  'Paul Ricard',
  'Shanghai',
  'Sakhir',
  'Catalunya',
  'Monaco',
  'Montreal',
  'Silverstone',
  'Hockenheim',
  'Hungaroring',
  'Spa',
  'Monza',
  'Singapore',
  'Suzuka',
  'Abu Dhabi',
  'Texas',
  'Brazil',
  'Austria',
  'Sochi',
  'Mexico',
  'Baku',
  'Sakhir Short',
  'Silverstone Short',
  'Texas Short',
  'Suzuka Short',
  'Hanoi',
  'Zandvoort',
  'Imola',
  'Portimao',
  'Jeddah',
  'Miami',
  'Las Vegas',
  'Losail',
]

/**
 * The circuit name of a track id.
 *
 * @example
 * ```ts
 * trackName(11) // 'Monza'
 * ```
 */
export function trackName(trackId: number): string {
  return tracks[trackId] ?? `Track ${trackId}`
}

/**
 * The session's name and normalized type from the game's session type (numbering changed in 2024).
 *
 * @example
 * ```ts
 * sessionTypeOf(15, 2024) // { name: 'Race', type: 'race' }
 * ```
 */
export function sessionTypeOf(sessionType: number, format: PacketFormat): { name: string; type: SessionType } {
  const t = sessionType
  if (format === 2023) {
    if (t >= 1 && t <= 4) return { name: t === 4 ? 'Short Practice' : `Practice ${t}`, type: 'practice' }
    if (t >= 5 && t <= 9)
      return { name: t <= 7 ? `Q${t - 4}` : t === 8 ? 'Short Qualifying' : 'One-Shot Qualifying', type: 'qualifying' }
    if (t >= 10 && t <= 12) return { name: t === 10 ? 'Race' : `Race ${t - 9}`, type: 'race' }
    if (t === 13) return { name: 'Time Trial', type: 'time-trial' }
    return { name: 'Unknown', type: 'other' }
  }
  if (t >= 1 && t <= 4) return { name: t === 4 ? 'Short Practice' : `Practice ${t}`, type: 'practice' }
  if (t >= 5 && t <= 9)
    return { name: t <= 7 ? `Q${t - 4}` : t === 8 ? 'Short Qualifying' : 'One-Shot Qualifying', type: 'qualifying' }
  if (t >= 10 && t <= 14)
    return { name: t <= 12 ? `Sprint Shootout ${t - 9}` : 'Sprint Shootout', type: 'sprint-qualifying' }
  if (t >= 15 && t <= 17) return { name: t === 15 ? 'Race' : `Race ${t - 14}`, type: 'race' }
  if (t === 18) return { name: 'Time Trial', type: 'time-trial' }
  return { name: 'Unknown', type: 'other' }
}

/**
 * The normalized compound of a visual tyre compound.
 *
 * @example
 * ```ts
 * compoundOf(16) // 'soft'
 * ```
 */
export function compoundOf(visual: number): 'soft' | 'medium' | 'hard' | 'intermediate' | 'wet' | 'unknown' {
  return ({ 16: 'soft', 17: 'medium', 18: 'hard', 7: 'intermediate', 8: 'wet' } as const)[visual] ?? 'unknown'
}
