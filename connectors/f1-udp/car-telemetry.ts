/**
 * @module
 * CarTelemetry packet (id 6, 1352 bytes in every format): 22 records of 60 bytes, then 3 bytes.
 * Wheel arrays are ordered RL, RR, FL, FR.
 *
 * | off | field | type |
 * |---|---|---|
 * | 0 | speed (km/h) | u16 |
 * | 2 | throttle (0..1), steer (-1..1), brake (0..1) | f32 x3 |
 * | 14 | clutch (0..100) | u8 |
 * | 15 | gear (-1..8) | i8 |
 * | 16 | engineRPM | u16 |
 * | 18 | drs, revLightsPercent | u8 |
 * | 20 | revLightsBitValue | u16 |
 * | 22 | brakesTemperature[4] (°C) | u16 |
 * | 30 | tyresSurfaceTemperature[4], tyresInnerTemperature[4] (°C) | u8 |
 * | 38 | engineTemperature (°C) | u16 |
 * | 40 | tyresPressure[4] (psi) | f32 |
 * | 56 | surfaceType[4] | u8 |
 * | 1349 | mfdPanelIndex, mfdPanelIndexSecondaryPlayer (u8), suggestedGear (i8) | trailing |
 */
import { CARS, HEADER_SIZE, type PacketHeader } from './header.ts'
import { PacketReader } from './reader.ts'

/** Telemetry of one car. */
export interface CarTelemetry {
  speed: number
  throttle: number
  steer: number
  brake: number
  clutch: number
  gear: number
  engineRPM: number
  drs: number
  revLightsPercent: number
  revLightsBitValue: number
  brakesTemperature: number[]
  tyresSurfaceTemperature: number[]
  tyresInnerTemperature: number[]
  engineTemperature: number
  tyresPressure: number[]
  surfaceType: number[]
}

/** A decoded CarTelemetry packet. */
export interface CarTelemetryPacket {
  kind: 'car-telemetry'
  header: PacketHeader
  carTelemetryData: CarTelemetry[]
  mfdPanelIndex: number
  mfdPanelIndexSecondaryPlayer: number
  suggestedGear: number
}

/**
 * Decodes a CarTelemetry packet whose header was already checked.
 *
 * @example
 * ```ts
 * const speed = decodeCarTelemetry(bytes, header).carTelemetryData[0].speed
 * ```
 */
export function decodeCarTelemetry(bytes: Uint8Array, header: PacketHeader): CarTelemetryPacket {
  const r = new PacketReader(bytes, 'CarTelemetry', HEADER_SIZE)
  const carTelemetryData = r.array(CARS, () => ({
    speed: r.u16(),
    throttle: r.f32(),
    steer: r.f32(),
    brake: r.f32(),
    clutch: r.u8(),
    gear: r.i8(),
    engineRPM: r.u16(),
    drs: r.u8(),
    revLightsPercent: r.u8(),
    revLightsBitValue: r.u16(),
    brakesTemperature: r.array(4, () => r.u16()),
    tyresSurfaceTemperature: r.array(4, () => r.u8()),
    tyresInnerTemperature: r.array(4, () => r.u8()),
    engineTemperature: r.u16(),
    tyresPressure: r.array(4, () => r.f32()),
    surfaceType: r.array(4, () => r.u8()),
  }))
  return {
    kind: 'car-telemetry',
    header,
    carTelemetryData,
    mfdPanelIndex: r.u8(),
    mfdPanelIndexSecondaryPlayer: r.u8(),
    suggestedGear: r.i8(),
  }
}
