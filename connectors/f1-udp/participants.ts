/**
 * @module
 * Participants packet (id 4): numActiveCars u8 at byte 29, then 22 records.
 *
 * | format | record | layout |
 * |---|---|---|
 * | 2023 | 58 B | aiControlled, driverId, networkId, teamId, myTeam, raceNumber, nationality (u8); name char[48]; yourTelemetry, showOnlineNames, platform (u8) |
 * | 2024 | 60 B | as 2023 with techLevel u16 before platform |
 * | 2025 | 57 B | as 2024 with name char[32], then numColours u8, liveryColours[4] (r, g, b u8) |
 */
import { CARS, HEADER_SIZE, type PacketHeader } from './header.ts'
import { PacketReader } from './reader.ts'

/** An RGB colour. */
export interface Rgb {
  red: number
  green: number
  blue: number
}

/** One participant. */
export interface Participant {
  aiControlled: number
  driverId: number
  networkId: number
  teamId: number
  myTeam: number
  raceNumber: number
  nationality: number
  name: string
  yourTelemetry: number
  showOnlineNames: number
  /** 2024+ */
  techLevel?: number
  platform: number
  /** 2025 */
  numColours?: number
  /** 2025 */
  liveryColours?: Rgb[]
}

/** A decoded Participants packet. */
export interface ParticipantsPacket {
  kind: 'participants'
  header: PacketHeader
  numActiveCars: number
  participants: Participant[]
}

/**
 * Decodes a Participants packet whose header was already checked.
 *
 * @example
 * ```ts
 * const names = decodeParticipants(bytes, header).participants.map((p) => p.name)
 * ```
 */
export function decodeParticipants(bytes: Uint8Array, header: PacketHeader): ParticipantsPacket {
  const r = new PacketReader(bytes, 'Participants', HEADER_SIZE)
  const format = header.packetFormat
  const numActiveCars = r.u8()
  const participants = r.array(CARS, (): Participant => {
    const p: Participant = {
      aiControlled: r.u8(),
      driverId: r.u8(),
      networkId: r.u8(),
      teamId: r.u8(),
      myTeam: r.u8(),
      raceNumber: r.u8(),
      nationality: r.u8(),
      name: r.chars(format >= 2025 ? 32 : 48),
      yourTelemetry: r.u8(),
      showOnlineNames: r.u8(),
      platform: 0,
    }
    if (format >= 2024) p.techLevel = r.u16()
    p.platform = r.u8()
    if (format >= 2025) {
      p.numColours = r.u8()
      p.liveryColours = r.array(4, () => ({ red: r.u8(), green: r.u8(), blue: r.u8() }))
    }
    return p
  })
  return { kind: 'participants', header, numActiveCars, participants }
}
