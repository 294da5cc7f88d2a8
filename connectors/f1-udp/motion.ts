/**
 * @module
 * Motion packet (id 0, 1349 bytes in every format): 22 records of 60 bytes after the header.
 *
 * | off | field | type |
 * |---|---|---|
 * | 0 | worldPositionX, Y, Z (m) | f32 x3 |
 * | 12 | worldVelocityX, Y, Z (m/s) | f32 x3 |
 * | 24 | worldForwardDirX, Y, Z (normalized, /32767) | i16 x3 |
 * | 30 | worldRightDirX, Y, Z | i16 x3 |
 * | 36 | gForceLateral, gForceLongitudinal, gForceVertical | f32 x3 |
 * | 48 | yaw, pitch, roll (rad) | f32 x3 |
 */
import { CARS, HEADER_SIZE, type PacketHeader } from './header.ts'
import { PacketReader } from './reader.ts'

/** Motion of one car. */
export interface CarMotion {
  worldPositionX: number
  worldPositionY: number
  worldPositionZ: number
  worldVelocityX: number
  worldVelocityY: number
  worldVelocityZ: number
  worldForwardDirX: number
  worldForwardDirY: number
  worldForwardDirZ: number
  worldRightDirX: number
  worldRightDirY: number
  worldRightDirZ: number
  gForceLateral: number
  gForceLongitudinal: number
  gForceVertical: number
  yaw: number
  pitch: number
  roll: number
}

/** A decoded Motion packet. */
export interface MotionPacket {
  kind: 'motion'
  header: PacketHeader
  carMotionData: CarMotion[]
}

/**
 * Decodes a Motion packet whose header was already checked.
 *
 * @example
 * ```ts
 * const { carMotionData } = decodeMotion(bytes, decodeHeader(bytes))
 * ```
 */
export function decodeMotion(bytes: Uint8Array, header: PacketHeader): MotionPacket {
  const r = new PacketReader(bytes, 'Motion', HEADER_SIZE)
  const carMotionData = r.array(CARS, () => ({
    worldPositionX: r.f32(),
    worldPositionY: r.f32(),
    worldPositionZ: r.f32(),
    worldVelocityX: r.f32(),
    worldVelocityY: r.f32(),
    worldVelocityZ: r.f32(),
    worldForwardDirX: r.i16(),
    worldForwardDirY: r.i16(),
    worldForwardDirZ: r.i16(),
    worldRightDirX: r.i16(),
    worldRightDirY: r.i16(),
    worldRightDirZ: r.i16(),
    gForceLateral: r.f32(),
    gForceLongitudinal: r.f32(),
    gForceVertical: r.f32(),
    yaw: r.f32(),
    pitch: r.f32(),
    roll: r.f32(),
  }))
  return { kind: 'motion', header, carMotionData }
}
