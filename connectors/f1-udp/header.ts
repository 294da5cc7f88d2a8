/**
 * @module
 * The 29-byte header every F1 23/24/25 packet starts with, and the table of packet sizes by format
 * and id used to reject truncated, oversized and unknown packets before any field is decoded.
 *
 * | off | field | type |
 * |---|---|---|
 * | 0 | packetFormat | u16 |
 * | 2 | gameYear, gameMajorVersion, gameMinorVersion, packetVersion, packetId | u8 each |
 * | 7 | sessionUID | u64 (decimal string) |
 * | 15 | sessionTime (s) | f32 |
 * | 19 | frameIdentifier, overallFrameIdentifier | u32 |
 * | 27 | playerCarIndex, secondaryPlayerCarIndex (255 = none) | u8 |
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import { PacketReader } from './reader.ts'

/** The packet formats this decoder knows. */
export const packetFormats = [2023, 2024, 2025] as const
/** A supported packet format. */
export type PacketFormat = (typeof packetFormats)[number]

/** The header of a packet. */
export interface PacketHeader {
  packetFormat: PacketFormat
  gameYear: number
  gameMajorVersion: number
  gameMinorVersion: number
  packetVersion: number
  packetId: number
  sessionUID: string
  sessionTime: number
  frameIdentifier: number
  overallFrameIdentifier: number
  playerCarIndex: number
  secondaryPlayerCarIndex: number
}

/** Header size in bytes. */
export const HEADER_SIZE = 29
/** Cars in every per-car array. */
export const CARS = 22

/** Packet names by id. */
export const packetNames = [
  'Motion',
  'Session',
  'LapData',
  'Event',
  'Participants',
  'CarSetups',
  'CarTelemetry',
  'CarStatus',
  'FinalClassification',
  'LobbyInfo',
  'CarDamage',
  'SessionHistory',
  'TyreSets',
  'MotionEx',
  'TimeTrial',
  'LapPositions',
] as const

// sizes by packet id; undefined = the id does not exist in that format
const sizes: Record<PacketFormat, readonly (number | undefined)[]> = {
  2023: [1349, 644, 1131, 45, 1306, 1107, 1352, 1239, 1020, 1218, 953, 1460, 231, 217],
  2024: [1349, 753, 1285, 45, 1350, 1133, 1352, 1239, 1020, 1306, 953, 1460, 231, 237, 101],
  2025: [1349, 753, 1285, 45, 1284, 1133, 1352, 1239, 1042, 954, 1041, 1460, 231, 273, 101, 1131],
}

/**
 * The expected size of a packet, or `undefined` when the id does not exist in that format.
 *
 * @example
 * ```ts
 * packetSize(2024, 6) // 1352
 * ```
 */
export function packetSize(format: PacketFormat, packetId: number): number | undefined {
  return sizes[format][packetId]
}

/** A PACKET_INVALID error with the structured facts a listener counts by. */
export function packetError(
  reason: 'truncated' | 'oversized' | 'unknown-format' | 'unknown-packet-id' | 'malformed',
  message: string,
  details: Record<string, unknown> = {},
): PitwallError {
  return new PitwallError(ErrorCodes.PACKET_INVALID, message, { details: { reason, ...details } })
}

/**
 * Decodes and checks the header: the format must be known, the id must exist in it and the packet
 * must have exactly that id's size.
 *
 * @example
 * ```ts
 * const header = decodeHeader(bytes) // throws PACKET_INVALID on truncated or unknown packets
 * ```
 */
export function decodeHeader(bytes: Uint8Array): PacketHeader {
  if (bytes.byteLength < HEADER_SIZE) {
    throw packetError('truncated', `packet of ${bytes.byteLength} bytes is shorter than the 29-byte header`, {
      offset: bytes.byteLength,
      size: bytes.byteLength,
    })
  }
  const r = new PacketReader(bytes, 'header')
  const packetFormat = r.u16()
  if (!(packetFormats as readonly number[]).includes(packetFormat)) {
    throw packetError('unknown-format', `unknown packet format ${packetFormat} at offset 0 (known: 2023, 2024, 2025)`, {
      format: packetFormat,
      offset: 0,
    })
  }
  const header: PacketHeader = {
    packetFormat: packetFormat as PacketFormat,
    gameYear: r.u8(),
    gameMajorVersion: r.u8(),
    gameMinorVersion: r.u8(),
    packetVersion: r.u8(),
    packetId: r.u8(),
    sessionUID: r.u64(),
    sessionTime: r.f32(),
    frameIdentifier: r.u32(),
    overallFrameIdentifier: r.u32(),
    playerCarIndex: r.u8(),
    secondaryPlayerCarIndex: r.u8(),
  }
  const expected = packetSize(header.packetFormat, header.packetId)
  const facts = { format: packetFormat, packetId: header.packetId, size: bytes.byteLength, expected }
  if (expected === undefined) {
    throw packetError(
      'unknown-packet-id',
      `unknown packet id ${header.packetId} at offset 6 for format ${packetFormat}`,
      {
        ...facts,
        offset: 6,
      },
    )
  }
  const name = `${packetNames[header.packetId]} (id ${header.packetId}, format ${packetFormat})`
  if (bytes.byteLength < expected) {
    throw packetError('truncated', `${name}: ${bytes.byteLength} bytes, expected ${expected}`, {
      ...facts,
      offset: bytes.byteLength,
    })
  }
  if (bytes.byteLength > expected) {
    throw packetError('oversized', `${name}: ${bytes.byteLength} bytes, expected ${expected}`, {
      ...facts,
      offset: expected,
    })
  }
  return header
}
