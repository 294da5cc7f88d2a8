/**
 * @module
 * Which game events are race control messages, and how: safety car (full, virtual, formation),
 * red and chequered flags, DRS, penalties, retirements, collisions, session start/end and lights out.
 */
import type { RaceControl } from '../../topology/f1/model/race-control.ts'
import type { EventPacket } from './event.ts'

type Fields = Omit<RaceControl, 'sessionKey' | 'timestamp' | 'source' | 'lap'>

const none = { flag: null, scope: null, sector: null, carNumber: null, safetyCar: null } as const

/**
 * The race control fields of an event, or `undefined` for events that are not race control
 * (buttons, flashbacks, overtakes, speed traps...).
 *
 * @example
 * ```ts
 * raceControlOf(scarEvent, (idx) => numbers[idx]) // { category: 'safety-car', safetyCar: 'sc', ... }
 * ```
 */
export function raceControlOf(
  e: EventPacket,
  numberOf: (idx: number | undefined) => number | null,
): Fields | undefined {
  const d = e.details ?? {}
  switch (e.code) {
    case 'SCAR': {
      const kind = d.safetyCarType === 2 ? 'vsc' : 'sc'
      const label =
        d.safetyCarType === 2 ? 'VIRTUAL SAFETY CAR' : d.safetyCarType === 3 ? 'FORMATION LAP' : 'SAFETY CAR'
      if (d.eventType === 0)
        return {
          ...none,
          category: 'safety-car',
          scope: 'track',
          message: `${label} DEPLOYED`,
          safetyCar: d.safetyCarType === 3 ? null : kind,
        }
      if (d.eventType === 1)
        return {
          ...none,
          category: 'safety-car',
          scope: 'track',
          message: `${label} ENDING`,
          safetyCar: d.safetyCarType === 3 ? null : `${kind}-ending`,
        }
      return {
        ...none,
        category: 'flag',
        flag: 'green',
        scope: 'track',
        message: d.eventType === 2 ? `${label} IN` : 'RACE RESUMED',
      }
    }
    case 'RDFL':
      return { ...none, category: 'flag', flag: 'red', scope: 'track', message: 'RED FLAG' }
    case 'CHQF':
      return { ...none, category: 'flag', flag: 'chequered', scope: 'track', message: 'CHEQUERED FLAG' }
    case 'LGOT':
      return { ...none, category: 'flag', flag: 'green', scope: 'track', message: 'LIGHTS OUT' }
    case 'DRSE':
      return { ...none, category: 'drs', message: 'DRS ENABLED' }
    case 'DRSD':
      return { ...none, category: 'drs', message: 'DRS DISABLED' }
    case 'SSTA':
      return { ...none, category: 'session', message: 'SESSION STARTED' }
    case 'SEND':
      return { ...none, category: 'session', message: 'SESSION ENDED' }
    case 'PENA': {
      const car = numberOf(d.vehicleIdx)
      return {
        ...none,
        category: 'penalty',
        scope: 'driver',
        carNumber: car,
        message: `PENALTY TYPE ${d.penaltyType} FOR CAR ${car ?? '?'} (INFRINGEMENT ${d.infringementType})`,
      }
    }
    case 'RTMT': {
      const car = numberOf(d.vehicleIdx)
      return { ...none, category: 'car-event', scope: 'driver', carNumber: car, message: `CAR ${car ?? '?'} RETIRED` }
    }
    case 'COLL': {
      const [a, b] = [numberOf(d.vehicle1Idx), numberOf(d.vehicle2Idx)]
      return {
        ...none,
        category: 'car-event',
        scope: 'driver',
        carNumber: a,
        message: `COLLISION BETWEEN CAR ${a ?? '?'} AND CAR ${b ?? '?'}`,
      }
    }
    default:
      return undefined
  }
}
