/**
 * @module
 * CarDamage packet (id 10): 22 records of 42 bytes (2023/2024, 953 bytes) or 46 bytes (2025, 1041
 * bytes: tyreBlisters[4] after brakesDamage). Wheel arrays are ordered RL, RR, FL, FR.
 *
 * | off | field | type |
 * |---|---|---|
 * | 0 | tyresWear[4] (%) | f32 |
 * | 16 | tyresDamage[4], brakesDamage[4] (%) | u8 |
 * | 24 | tyreBlisters[4] (%), 2025 only | u8 |
 * | 24/28 | frontLeftWingDamage, frontRightWingDamage, rearWingDamage, floorDamage, diffuserDamage, sidepodDamage (%) | u8 |
 * | +6 | drsFault, ersFault (0/1) | u8 |
 * | +8 | gearBoxDamage, engineDamage, engineMGUHWear, engineESWear, engineCEWear, engineICEWear, engineMGUKWear, engineTCWear (%) | u8 |
 * | +16 | engineBlown, engineSeized (0/1) | u8 |
 */
import { CARS, HEADER_SIZE, type PacketHeader } from './header.ts'
import { PacketReader } from './reader.ts'

/** Damage of one car. */
export interface CarDamage {
  tyresWear: number[]
  tyresDamage: number[]
  brakesDamage: number[]
  /** 2025 only. */
  tyreBlisters?: number[]
  frontLeftWingDamage: number
  frontRightWingDamage: number
  rearWingDamage: number
  floorDamage: number
  diffuserDamage: number
  sidepodDamage: number
  drsFault: number
  ersFault: number
  gearBoxDamage: number
  engineDamage: number
  engineMGUHWear: number
  engineESWear: number
  engineCEWear: number
  engineICEWear: number
  engineMGUKWear: number
  engineTCWear: number
  engineBlown: number
  engineSeized: number
}

/** A decoded CarDamage packet. */
export interface CarDamagePacket {
  kind: 'car-damage'
  header: PacketHeader
  carDamageData: CarDamage[]
}

/**
 * Decodes a CarDamage packet whose header was already checked.
 *
 * @example
 * ```ts
 * const wearRL = decodeCarDamage(bytes, header).carDamageData[0].tyresWear[0]
 * ```
 */
export function decodeCarDamage(bytes: Uint8Array, header: PacketHeader): CarDamagePacket {
  const r = new PacketReader(bytes, 'CarDamage', HEADER_SIZE)
  const blisters = header.packetFormat >= 2025
  const carDamageData = r.array(CARS, () => {
    const tyresWear = r.array(4, () => r.f32())
    const tyresDamage = r.array(4, () => r.u8())
    const brakesDamage = r.array(4, () => r.u8())
    const tyreBlisters = blisters ? { tyreBlisters: r.array(4, () => r.u8()) } : {}
    return {
      tyresWear,
      tyresDamage,
      brakesDamage,
      ...tyreBlisters,
      frontLeftWingDamage: r.u8(),
      frontRightWingDamage: r.u8(),
      rearWingDamage: r.u8(),
      floorDamage: r.u8(),
      diffuserDamage: r.u8(),
      sidepodDamage: r.u8(),
      drsFault: r.u8(),
      ersFault: r.u8(),
      gearBoxDamage: r.u8(),
      engineDamage: r.u8(),
      engineMGUHWear: r.u8(),
      engineESWear: r.u8(),
      engineCEWear: r.u8(),
      engineICEWear: r.u8(),
      engineMGUKWear: r.u8(),
      engineTCWear: r.u8(),
      engineBlown: r.u8(),
      engineSeized: r.u8(),
    }
  })
  return { kind: 'car-damage', header, carDamageData }
}
