/**
 * @module
 * LapData packet (id 2): 22 records of 57 bytes (2024/2025, 1285 bytes) or 50 bytes (2023, 1131
 * bytes: deltas have no minute parts, no speed trap), then timeTrialPBCarIdx, timeTrialRivalCarIdx.
 *
 * | off | field | type |
 * |---|---|---|
 * | 0 | lastLapTimeInMS, currentLapTimeInMS | u32 |
 * | 8 | sector1TimeMSPart / sector1TimeMinutesPart | u16 / u8 |
 * | 11 | sector2TimeMSPart / sector2TimeMinutesPart | u16 / u8 |
 * | 14 | deltaToCarInFrontMSPart / MinutesPart (2023: u16 only) | u16 / u8 |
 * | 17 | deltaToRaceLeaderMSPart / MinutesPart (2023: u16 only) | u16 / u8 |
 * | 20 | lapDistance, totalDistance (m), safetyCarDelta (s) | f32 x3 |
 * | 32 | carPosition, currentLapNum, pitStatus, numPitStops, sector (0..2), currentLapInvalid, penalties, totalWarnings, cornerCuttingWarnings, numUnservedDriveThroughPens, numUnservedStopGoPens, gridPosition, driverStatus, resultStatus, pitLaneTimerActive | u8 x15 |
 * | 47 | pitLaneTimeInLaneInMS, pitStopTimerInMS | u16 |
 * | 51 | pitStopShouldServePen | u8 |
 * | 52 | speedTrapFastestSpeed (km/h), 2024+ | f32 |
 * | 56 | speedTrapFastestLap, 2024+ | u8 |
 */
import { CARS, HEADER_SIZE, type PacketHeader } from './header.ts'
import { PacketReader } from './reader.ts'

/** Lap data of one car. */
export interface LapData {
  lastLapTimeInMS: number
  currentLapTimeInMS: number
  sector1TimeMSPart: number
  sector1TimeMinutesPart: number
  sector2TimeMSPart: number
  sector2TimeMinutesPart: number
  deltaToCarInFrontMSPart: number
  /** 2024+ */
  deltaToCarInFrontMinutesPart?: number
  deltaToRaceLeaderMSPart: number
  /** 2024+ */
  deltaToRaceLeaderMinutesPart?: number
  lapDistance: number
  totalDistance: number
  safetyCarDelta: number
  carPosition: number
  currentLapNum: number
  pitStatus: number
  numPitStops: number
  sector: number
  currentLapInvalid: number
  penalties: number
  totalWarnings: number
  cornerCuttingWarnings: number
  numUnservedDriveThroughPens: number
  numUnservedStopGoPens: number
  gridPosition: number
  driverStatus: number
  resultStatus: number
  pitLaneTimerActive: number
  pitLaneTimeInLaneInMS: number
  pitStopTimerInMS: number
  pitStopShouldServePen: number
  /** 2024+ */
  speedTrapFastestSpeed?: number
  /** 2024+ */
  speedTrapFastestLap?: number
}

/** A decoded LapData packet. */
export interface LapDataPacket {
  kind: 'lap-data'
  header: PacketHeader
  lapData: LapData[]
  timeTrialPBCarIdx: number
  timeTrialRivalCarIdx: number
}

/**
 * Decodes a LapData packet whose header was already checked.
 *
 * @example
 * ```ts
 * const lap = decodeLapData(bytes, header).lapData[0].currentLapNum
 * ```
 */
export function decodeLapData(bytes: Uint8Array, header: PacketHeader): LapDataPacket {
  const r = new PacketReader(bytes, 'LapData', HEADER_SIZE)
  const modern = header.packetFormat >= 2024
  const lapData = r.array(CARS, (): LapData => {
    const lastLapTimeInMS = r.u32()
    const currentLapTimeInMS = r.u32()
    const sector1TimeMSPart = r.u16()
    const sector1TimeMinutesPart = r.u8()
    const sector2TimeMSPart = r.u16()
    const sector2TimeMinutesPart = r.u8()
    const deltaToCarInFrontMSPart = r.u16()
    const front = modern ? { deltaToCarInFrontMinutesPart: r.u8() } : {}
    const deltaToRaceLeaderMSPart = r.u16()
    const leader = modern ? { deltaToRaceLeaderMinutesPart: r.u8() } : {}
    const data: LapData = {
      lastLapTimeInMS,
      currentLapTimeInMS,
      sector1TimeMSPart,
      sector1TimeMinutesPart,
      sector2TimeMSPart,
      sector2TimeMinutesPart,
      deltaToCarInFrontMSPart,
      ...front,
      deltaToRaceLeaderMSPart,
      ...leader,
      lapDistance: r.f32(),
      totalDistance: r.f32(),
      safetyCarDelta: r.f32(),
      carPosition: r.u8(),
      currentLapNum: r.u8(),
      pitStatus: r.u8(),
      numPitStops: r.u8(),
      sector: r.u8(),
      currentLapInvalid: r.u8(),
      penalties: r.u8(),
      totalWarnings: r.u8(),
      cornerCuttingWarnings: r.u8(),
      numUnservedDriveThroughPens: r.u8(),
      numUnservedStopGoPens: r.u8(),
      gridPosition: r.u8(),
      driverStatus: r.u8(),
      resultStatus: r.u8(),
      pitLaneTimerActive: r.u8(),
      pitLaneTimeInLaneInMS: r.u16(),
      pitStopTimerInMS: r.u16(),
      pitStopShouldServePen: r.u8(),
    }
    if (modern) {
      data.speedTrapFastestSpeed = r.f32()
      data.speedTrapFastestLap = r.u8()
    }
    return data
  })
  return { kind: 'lap-data', header, lapData, timeTrialPBCarIdx: r.u8(), timeTrialRivalCarIdx: r.u8() }
}

/**
 * Sector time in ms from its ms and minutes parts.
 *
 * @example
 * ```ts
 * sectorMs(1_500, 1) // 61_500
 * ```
 */
export function sectorMs(msPart: number, minutesPart: number): number {
  return minutesPart * 60_000 + msPart
}
