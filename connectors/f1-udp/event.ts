/**
 * @module
 * Event packet (id 3, 45 bytes): a 4-character ASCII code at 29..32, then a 12-byte details union
 * whose unused bytes are not zeroed in real packets (so only the code's own fields are read).
 *
 * | code | meaning | details (in order) |
 * |---|---|---|
 * | SSTA, SEND | session start / end | - |
 * | FTLP | fastest lap | vehicleIdx u8, lapTime f32 (s) |
 * | RTMT | retirement | vehicleIdx u8 (+ reason u8 in 2025) |
 * | DRSE, DRSD | DRS enabled / disabled | - (DRSD: reason u8 in 2025) |
 * | TMPT | teammate in pits | vehicleIdx u8 |
 * | CHQF | chequered flag | - |
 * | RCWN | race winner | vehicleIdx u8 |
 * | PENA | penalty | penaltyType, infringementType, vehicleIdx, otherVehicleIdx, time, lapNum, placesGained u8 |
 * | SPTP | speed trap | vehicleIdx u8, speed f32, isOverallFastestInSession u8, isDriverFastestInSession u8, fastestVehicleIdxInSession u8, fastestSpeedInSession f32 |
 * | STLG | start lights | numLights u8 |
 * | LGOT | lights out | - |
 * | DTSV, SGSV | drive-through / stop-go served | vehicleIdx u8 (SGSV: + stopTime f32 in 2025) |
 * | FLBK | flashback | flashbackFrameIdentifier u32, flashbackSessionTime f32 |
 * | BUTN | buttons | buttonStatus u32 |
 * | RDFL | red flag | - |
 * | OVTK | overtake | overtakingVehicleIdx, beingOvertakenVehicleIdx u8 |
 * | SCAR | safety car | safetyCarType u8 (0 none, 1 full, 2 virtual, 3 formation), eventType u8 (0 deployed, 1 returning, 2 returned, 3 resume race) |
 * | COLL | collision | vehicle1Idx, vehicle2Idx u8 |
 */
import { HEADER_SIZE, type PacketFormat, type PacketHeader, packetError } from './header.ts'
import { PacketReader } from './reader.ts'

type Field = readonly [name: string, type: 'u8' | 'u32' | 'f32']

const u8 = (name: string): Field => [name, 'u8']

function detailsLayout(code: string, format: PacketFormat): readonly Field[] | undefined {
  const v2025 = format >= 2025
  switch (code) {
    case 'SSTA':
    case 'SEND':
    case 'DRSE':
    case 'CHQF':
    case 'LGOT':
    case 'RDFL':
      return []
    case 'DRSD':
      return v2025 ? [u8('reason')] : []
    case 'FTLP':
      return [u8('vehicleIdx'), ['lapTime', 'f32']]
    case 'RTMT':
      return v2025 ? [u8('vehicleIdx'), u8('reason')] : [u8('vehicleIdx')]
    case 'TMPT':
    case 'RCWN':
    case 'DTSV':
      return [u8('vehicleIdx')]
    case 'SGSV':
      return v2025 ? [u8('vehicleIdx'), ['stopTime', 'f32']] : [u8('vehicleIdx')]
    case 'PENA':
      return ['penaltyType', 'infringementType', 'vehicleIdx', 'otherVehicleIdx', 'time', 'lapNum', 'placesGained'].map(
        u8,
      )
    case 'SPTP':
      return [
        u8('vehicleIdx'),
        ['speed', 'f32'],
        u8('isOverallFastestInSession'),
        u8('isDriverFastestInSession'),
        u8('fastestVehicleIdxInSession'),
        ['fastestSpeedInSession', 'f32'],
      ]
    case 'STLG':
      return [u8('numLights')]
    case 'FLBK':
      return [
        ['flashbackFrameIdentifier', 'u32'],
        ['flashbackSessionTime', 'f32'],
      ]
    case 'BUTN':
      return [['buttonStatus', 'u32']]
    case 'OVTK':
      return [u8('overtakingVehicleIdx'), u8('beingOvertakenVehicleIdx')]
    case 'SCAR':
      return [u8('safetyCarType'), u8('eventType')]
    case 'COLL':
      return [u8('vehicle1Idx'), u8('vehicle2Idx')]
    default:
      return undefined
  }
}

/** Every event code. */
export const eventCodes = [
  'SSTA',
  'SEND',
  'FTLP',
  'RTMT',
  'DRSE',
  'DRSD',
  'TMPT',
  'CHQF',
  'RCWN',
  'PENA',
  'SPTP',
  'STLG',
  'LGOT',
  'DTSV',
  'SGSV',
  'FLBK',
  'BUTN',
  'RDFL',
  'OVTK',
  'SCAR',
  'COLL',
] as const
/** An event code. */
export type EventCode = (typeof eventCodes)[number]

/** A decoded Event packet; `details` is absent for codes that have none. */
export interface EventPacket {
  kind: 'event'
  header: PacketHeader
  code: EventCode
  details?: Readonly<Record<string, number>>
}

/**
 * Decodes an Event packet whose header was already checked; an unknown code is PACKET_INVALID.
 *
 * @example
 * ```ts
 * const e = decodeEvent(bytes, header) // { code: 'FTLP', details: { vehicleIdx: 11, lapTime: 69.705 } }
 * ```
 */
export function decodeEvent(bytes: Uint8Array, header: PacketHeader): EventPacket {
  const r = new PacketReader(bytes, 'Event', HEADER_SIZE)
  const raw = [r.u8(), r.u8(), r.u8(), r.u8()]
  const code = String.fromCharCode(...raw)
  const layout = detailsLayout(code, header.packetFormat)
  if (layout === undefined) {
    throw packetError('malformed', `Event (id 3, format ${header.packetFormat}): unknown event code at offset 29`, {
      packetId: 3,
      format: header.packetFormat,
      offset: 29,
      code: raw,
    })
  }
  if (layout.length === 0) return { kind: 'event', header, code: code as EventCode }
  const details: Record<string, number> = {}
  for (const [name, type] of layout) details[name] = type === 'u8' ? r.u8() : type === 'u32' ? r.u32() : r.f32()
  return { kind: 'event', header, code: code as EventCode, details }
}
