/**
 * @module
 * CarStatus packet (id 7, 1239 bytes in every format): 22 records of 55 bytes.
 *
 * | off | field | type |
 * |---|---|---|
 * | 0 | tractionControl, antiLockBrakes, fuelMix, frontBrakeBias (%), pitLimiterStatus | u8 |
 * | 5 | fuelInTank (kg), fuelCapacity (kg), fuelRemainingLaps | f32 x3 |
 * | 17 | maxRPM, idleRPM | u16 |
 * | 21 | maxGears, drsAllowed | u8 |
 * | 23 | drsActivationDistance (m) | u16 |
 * | 25 | actualTyreCompound, visualTyreCompound, tyresAgeLaps | u8 |
 * | 28 | vehicleFiaFlags (-1 invalid, 0 none, 1 green, 2 blue, 3 yellow) | i8 |
 * | 29 | enginePowerICE, enginePowerMGUK (W), ersStoreEnergy (J) | f32 x3 |
 * | 41 | ersDeployMode | u8 |
 * | 42 | ersHarvestedThisLapMGUK, ersHarvestedThisLapMGUH, ersDeployedThisLap (J) | f32 x3 |
 * | 54 | networkPaused | u8 |
 */
import { CARS, HEADER_SIZE, type PacketHeader } from './header.ts'
import { PacketReader } from './reader.ts'

/** Status of one car. */
export interface CarStatus {
  tractionControl: number
  antiLockBrakes: number
  fuelMix: number
  frontBrakeBias: number
  pitLimiterStatus: number
  fuelInTank: number
  fuelCapacity: number
  fuelRemainingLaps: number
  maxRPM: number
  idleRPM: number
  maxGears: number
  drsAllowed: number
  drsActivationDistance: number
  actualTyreCompound: number
  visualTyreCompound: number
  tyresAgeLaps: number
  vehicleFiaFlags: number
  enginePowerICE: number
  enginePowerMGUK: number
  ersStoreEnergy: number
  ersDeployMode: number
  ersHarvestedThisLapMGUK: number
  ersHarvestedThisLapMGUH: number
  ersDeployedThisLap: number
  networkPaused: number
}

/** A decoded CarStatus packet. */
export interface CarStatusPacket {
  kind: 'car-status'
  header: PacketHeader
  carStatusData: CarStatus[]
}

/**
 * Decodes a CarStatus packet whose header was already checked.
 *
 * @example
 * ```ts
 * const ers = decodeCarStatus(bytes, header).carStatusData[0].ersStoreEnergy
 * ```
 */
export function decodeCarStatus(bytes: Uint8Array, header: PacketHeader): CarStatusPacket {
  const r = new PacketReader(bytes, 'CarStatus', HEADER_SIZE)
  const carStatusData = r.array(CARS, () => ({
    tractionControl: r.u8(),
    antiLockBrakes: r.u8(),
    fuelMix: r.u8(),
    frontBrakeBias: r.u8(),
    pitLimiterStatus: r.u8(),
    fuelInTank: r.f32(),
    fuelCapacity: r.f32(),
    fuelRemainingLaps: r.f32(),
    maxRPM: r.u16(),
    idleRPM: r.u16(),
    maxGears: r.u8(),
    drsAllowed: r.u8(),
    drsActivationDistance: r.u16(),
    actualTyreCompound: r.u8(),
    visualTyreCompound: r.u8(),
    tyresAgeLaps: r.u8(),
    vehicleFiaFlags: r.i8(),
    enginePowerICE: r.f32(),
    enginePowerMGUK: r.f32(),
    ersStoreEnergy: r.f32(),
    ersDeployMode: r.u8(),
    ersHarvestedThisLapMGUK: r.f32(),
    ersHarvestedThisLapMGUH: r.f32(),
    ersDeployedThisLap: r.f32(),
    networkPaused: r.u8(),
  }))
  return { kind: 'car-status', header, carStatusData }
}
