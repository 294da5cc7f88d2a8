/**
 * @module
 * Event-model values built from one Participants record or one Session packet (pure helpers of
 * the UDP mapper).
 */
import { acronymOf, type Driver } from '../../topology/f1/model/driver.ts'
import type { Session } from '../../topology/f1/model/session.ts'
import { sessionTypeOf, teamOf, trackName } from './game-tables.ts'
import type { PacketFormat } from './header.ts'
import type { Participant } from './participants.ts'
import type { SessionPacket } from './session.ts'

interface Context {
  sessionKey: string
  timestamp: number
}

/**
 * The driver of one participant: acronym from the name, team name and colour from the team id
 * (2025 livery colour for teams the table does not know).
 *
 * @example
 * ```ts
 * driverOf(participant, 2024, { sessionKey: '123', timestamp: 0 }).nameAcronym // 'FOR'
 * ```
 */
export function driverOf(p: Participant, format: PacketFormat, ctx: Context): Driver {
  const team = teamOf(p.teamId, format)
  const livery = p.liveryColours?.[0]
  const hex = (c: number) => c.toString(16).padStart(2, '0').toUpperCase()
  const colour = team.colour ?? (livery ? `#${hex(livery.red)}${hex(livery.green)}${hex(livery.blue)}` : null)
  const fullName = p.name.trim() || `Car ${p.raceNumber}`
  return {
    sessionKey: ctx.sessionKey,
    carNumber: p.raceNumber,
    timestamp: ctx.timestamp,
    source: 'f1-udp',
    nameAcronym: acronymOf(fullName),
    fullName,
    teamName: team.name,
    teamColour: colour,
  }
}

/**
 * The session of a Session packet; `startMs` is the session's start on the receive clock.
 *
 * @example
 * ```ts
 * sessionOf(packet, { sessionKey: '123', timestamp: 0 }, 0).circuit // 'Monza'
 * ```
 */
export function sessionOf(s: SessionPacket, ctx: Context, startMs: number): Session {
  const { name, type } = sessionTypeOf(s.sessionType, s.header.packetFormat)
  return {
    sessionKey: ctx.sessionKey,
    timestamp: ctx.timestamp,
    source: 'f1-udp',
    name,
    type,
    circuit: trackName(s.trackId),
    country: null,
    start: Math.max(0, Math.round(startMs)),
    end: s.sessionDuration > 0 ? Math.max(0, Math.round(startMs + s.sessionDuration * 1000)) : null,
    totalLaps: s.totalLaps > 0 ? s.totalLaps : null,
    trackLength: s.trackLength,
  }
}
