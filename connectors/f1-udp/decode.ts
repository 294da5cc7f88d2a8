/**
 * @module
 * The entry point of the pure UDP decoder: checks the header and size, then decodes the packet
 * kinds the pipeline uses. Known ids that the pipeline does not use (CarSetups, SessionHistory...)
 * come back as `unsupported` after their size was checked; everything else that is not a valid
 * packet throws PITWALL_PACKET_INVALID naming the packet id, format and offset.
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import { type CarDamagePacket, decodeCarDamage } from './car-damage.ts'
import { type CarStatusPacket, decodeCarStatus } from './car-status.ts'
import { type CarTelemetryPacket, decodeCarTelemetry } from './car-telemetry.ts'
import { decodeEvent, type EventPacket } from './event.ts'
import { decodeHeader, type PacketHeader, packetNames } from './header.ts'
import { decodeLapData, type LapDataPacket } from './lap-data.ts'
import { decodeMotion, type MotionPacket } from './motion.ts'
import { decodeParticipants, type ParticipantsPacket } from './participants.ts'
import { decodeSession, type SessionPacket } from './session.ts'

/** A known packet kind this decoder does not decode beyond its header. */
export interface UnsupportedPacket {
  kind: 'unsupported'
  header: PacketHeader
  name: string
}

/** Any decoded packet. */
export type F1Packet =
  | MotionPacket
  | SessionPacket
  | LapDataPacket
  | EventPacket
  | ParticipantsPacket
  | CarTelemetryPacket
  | CarStatusPacket
  | CarDamagePacket
  | UnsupportedPacket

/**
 * Decodes one UDP payload.
 *
 * @example
 * ```ts
 * const packet = decodePacket(datagram)
 * if (packet.kind === 'car-telemetry') console.log(packet.carTelemetryData[0].speed)
 * ```
 */
export function decodePacket(bytes: Uint8Array): F1Packet {
  const header = decodeHeader(bytes)
  try {
    switch (header.packetId) {
      case 0:
        return decodeMotion(bytes, header)
      case 1:
        return decodeSession(bytes, header)
      case 2:
        return decodeLapData(bytes, header)
      case 3:
        return decodeEvent(bytes, header)
      case 4:
        return decodeParticipants(bytes, header)
      case 6:
        return decodeCarTelemetry(bytes, header)
      case 7:
        return decodeCarStatus(bytes, header)
      case 10:
        return decodeCarDamage(bytes, header)
      default:
        return { kind: 'unsupported', header, name: packetNames[header.packetId] ?? `#${header.packetId}` }
    }
  } catch (cause) {
    if (cause instanceof PitwallError) {
      if (cause.details.packetId !== undefined) throw cause
      const details = { ...cause.details, packetId: header.packetId, format: header.packetFormat }
      throw new PitwallError(ErrorCodes.PACKET_INVALID, `packet id ${header.packetId}: ${cause.message}`, {
        cause,
        details,
      })
    }
    throw new PitwallError(ErrorCodes.PACKET_INVALID, `packet id ${header.packetId}: ${String(cause)}`, {
      cause,
      details: { reason: 'malformed', packetId: header.packetId, format: header.packetFormat },
    })
  }
}
