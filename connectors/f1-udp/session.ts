/**
 * @module
 * Session packet (id 1): 644 bytes (2023) or 753 bytes (2024/2025). Absolute offsets for 2024/2025
 * (2023 has 56 forecast samples instead of 64, so its fields after them start 64 bytes earlier, and
 * it ends after numRedFlagPeriods).
 *
 * | off | field | type |
 * |---|---|---|
 * | 29 | weather | u8 |
 * | 30 | trackTemperature, airTemperature (°C) | i8 |
 * | 32 | totalLaps | u8 |
 * | 33 | trackLength (m) | u16 |
 * | 35 | sessionType (15 race, 18 time trial) | u8 |
 * | 36 | trackId | i8 |
 * | 37 | formula | u8 |
 * | 38 | sessionTimeLeft, sessionDuration (s) | u16 |
 * | 42 | pitSpeedLimit, gamePaused, isSpectating, spectatorCarIndex, sliProNativeSupport, numMarshalZones | u8 |
 * | 48 | marshalZones[21]: zoneStart f32, zoneFlag i8 | 5 B each |
 * | 153 | safetyCarStatus (0 none, 1 full, 2 virtual, 3 formation), networkGame, numWeatherForecastSamples | u8 |
 * | 156 | weatherForecastSamples[64] (2023: 56): sessionType u8, timeOffset u8, weather u8, trackTemperature i8, trackTemperatureChange i8, airTemperature i8, airTemperatureChange i8, rainPercentage u8 | 8 B each |
 * | 668 | forecastAccuracy, aiDifficulty | u8 |
 * | 670 | seasonLinkIdentifier, weekendLinkIdentifier, sessionLinkIdentifier | u32 |
 * | 682 | pitStopWindowIdealLap, pitStopWindowLatestLap, pitStopRejoinPosition, steeringAssist, brakingAssist, gearboxAssist, pitAssist, pitReleaseAssist, ERSAssist, DRSAssist, dynamicRacingLine, dynamicRacingLineType, gameMode, ruleSet | u8 |
 * | 696 | timeOfDay (minutes since midnight) | u32 |
 * | 700 | sessionLength, speedUnitsLeadPlayer, temperatureUnitsLeadPlayer, speedUnitsSecondaryPlayer, temperatureUnitsSecondaryPlayer, numSafetyCarPeriods, numVirtualSafetyCarPeriods, numRedFlagPeriods | u8 |
 * | 708 | 2024+: equalCarPerformance ... affectsLicenceLevelMP (24 u8 settings), numSessionsInWeekend u8 | u8 |
 * | 733 | weekendStructure[12] | u8 |
 * | 745 | sector2LapDistanceStart, sector3LapDistanceStart (m) | f32 |
 */
import { HEADER_SIZE, type PacketHeader } from './header.ts'
import { PacketReader } from './reader.ts'

/** A marshal zone: start as a fraction of the lap and its flag (-1 unknown, 0 none, 1 green, 2 blue, 3 yellow). */
export interface MarshalZone {
  zoneStart: number
  zoneFlag: number
}

/** One weather forecast sample. */
export interface WeatherForecastSample {
  sessionType: number
  timeOffset: number
  weather: number
  trackTemperature: number
  trackTemperatureChange: number
  airTemperature: number
  airTemperatureChange: number
  rainPercentage: number
}

const u8Fields = [
  'pitStopWindowIdealLap',
  'pitStopWindowLatestLap',
  'pitStopRejoinPosition',
  'steeringAssist',
  'brakingAssist',
  'gearboxAssist',
  'pitAssist',
  'pitReleaseAssist',
  'ERSAssist',
  'DRSAssist',
  'dynamicRacingLine',
  'dynamicRacingLineType',
  'gameMode',
  'ruleSet',
] as const
const unitFields = [
  'sessionLength',
  'speedUnitsLeadPlayer',
  'temperatureUnitsLeadPlayer',
  'speedUnitsSecondaryPlayer',
  'temperatureUnitsSecondaryPlayer',
  'numSafetyCarPeriods',
  'numVirtualSafetyCarPeriods',
  'numRedFlagPeriods',
] as const
const settingFields2024 = [
  'equalCarPerformance',
  'recoveryMode',
  'flashbackLimit',
  'surfaceType',
  'lowFuelMode',
  'raceStarts',
  'tyreTemperature',
  'pitLaneTyreSim',
  'carDamage',
  'carDamageRate',
  'collisions',
  'collisionsOffForFirstLapOnly',
  'mpUnsafePitRelease',
  'mpOffForGriefing',
  'cornerCuttingStringency',
  'parcFermeRules',
  'pitStopExperience',
  'safetyCar',
  'safetyCarExperience',
  'formationLap',
  'formationLapExperience',
  'redFlags',
  'affectsLicenceLevelSolo',
  'affectsLicenceLevelMP',
  'numSessionsInWeekend',
] as const

/** A decoded Session packet: the named fields, the zones, the forecast and the settings by name. */
export interface SessionPacket {
  kind: 'session'
  header: PacketHeader
  weather: number
  trackTemperature: number
  airTemperature: number
  totalLaps: number
  trackLength: number
  sessionType: number
  trackId: number
  formula: number
  sessionTimeLeft: number
  sessionDuration: number
  pitSpeedLimit: number
  gamePaused: number
  isSpectating: number
  spectatorCarIndex: number
  sliProNativeSupport: number
  numMarshalZones: number
  marshalZones: MarshalZone[]
  safetyCarStatus: number
  networkGame: number
  numWeatherForecastSamples: number
  weatherForecastSamples: WeatherForecastSample[]
  forecastAccuracy: number
  aiDifficulty: number
  seasonLinkIdentifier: number
  weekendLinkIdentifier: number
  sessionLinkIdentifier: number
  timeOfDay: number
  /** The remaining u8 settings by name (pitStopWindowIdealLap, gameMode, ruleSet, numRedFlagPeriods, 2024+ rules...). */
  [setting: string]: unknown
  /** 2024+ */
  weekendStructure?: number[]
  /** 2024+ (m) */
  sector2LapDistanceStart?: number
  /** 2024+ (m) */
  sector3LapDistanceStart?: number
}

/**
 * Decodes a Session packet whose header was already checked.
 *
 * @example
 * ```ts
 * const { trackId, sessionType, safetyCarStatus } = decodeSession(bytes, header)
 * ```
 */
export function decodeSession(bytes: Uint8Array, header: PacketHeader): SessionPacket {
  const r = new PacketReader(bytes, 'Session', HEADER_SIZE)
  const modern = header.packetFormat >= 2024
  const out: SessionPacket = {
    kind: 'session',
    header,
    weather: r.u8(),
    trackTemperature: r.i8(),
    airTemperature: r.i8(),
    totalLaps: r.u8(),
    trackLength: r.u16(),
    sessionType: r.u8(),
    trackId: r.i8(),
    formula: r.u8(),
    sessionTimeLeft: r.u16(),
    sessionDuration: r.u16(),
    pitSpeedLimit: r.u8(),
    gamePaused: r.u8(),
    isSpectating: r.u8(),
    spectatorCarIndex: r.u8(),
    sliProNativeSupport: r.u8(),
    numMarshalZones: r.u8(),
    marshalZones: r.array(21, () => ({ zoneStart: r.f32(), zoneFlag: r.i8() })),
    safetyCarStatus: r.u8(),
    networkGame: r.u8(),
    numWeatherForecastSamples: r.u8(),
    weatherForecastSamples: r.array(modern ? 64 : 56, () => ({
      sessionType: r.u8(),
      timeOffset: r.u8(),
      weather: r.u8(),
      trackTemperature: r.i8(),
      trackTemperatureChange: r.i8(),
      airTemperature: r.i8(),
      airTemperatureChange: r.i8(),
      rainPercentage: r.u8(),
    })),
    forecastAccuracy: r.u8(),
    aiDifficulty: r.u8(),
    seasonLinkIdentifier: r.u32(),
    weekendLinkIdentifier: r.u32(),
    sessionLinkIdentifier: r.u32(),
    timeOfDay: 0,
  }
  for (const name of u8Fields) out[name] = r.u8()
  out.timeOfDay = r.u32()
  for (const name of unitFields) out[name] = r.u8()
  if (modern) {
    for (const name of settingFields2024) out[name] = r.u8()
    out.weekendStructure = r.array(12, () => r.u8())
    out.sector2LapDistanceStart = r.f32()
    out.sector3LapDistanceStart = r.f32()
  }
  return out
}
