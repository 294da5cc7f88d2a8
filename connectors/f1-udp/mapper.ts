/**
 * @module
 * Maps decoded F1 game packets to the event model: Motion -> position samples; CarTelemetry (with
 * the latest Motion g-forces, CarStatus and CarDamage of the car) -> dynamics, power-unit, tyres
 * and aero samples; CarStatus/CarDamage/LapData changes -> system samples; LapData -> a lap record
 * when a car starts a new lap; Participants -> drivers; Session -> sessions; Event -> race control.
 * Event time is the session's start (first receive time minus sessionTime) plus sessionTime, so
 * replays keep their timing. Cars whose racing number is not yet known (no Participants packet
 * seen) are counted in `unmappedSamples` and skipped.
 */
import { keyOf } from '../../topology/f1/model/envelope.ts'
import type { Lap } from '../../topology/f1/model/lap.ts'
import type { RaceControl } from '../../topology/f1/model/race-control.ts'
import type { TelemetrySample } from '../../topology/f1/model/telemetry.ts'
import { type F1Record, F1Topics } from '../../topology/f1/topics.ts'
import { type CarState, carStateOf, flagOf, newCarState, nextSequence, systemCodes } from './car-state.ts'
import type { CarTelemetryPacket } from './car-telemetry.ts'
import type { F1Packet } from './decode.ts'
import type { EventPacket } from './event.ts'
import { type LapData, sectorMs } from './lap-data.ts'
import { driverOf, sessionOf } from './mapper-values.ts'
import { raceControlOf } from './race-control-events.ts'
import { type SampleBase, telemetrySamples } from './telemetry-samples.ts'

const source = 'f1-udp' as const

/**
 * Stateful packet -> event-model mapper for one UDP stream.
 *
 * @example
 * ```ts
 * const mapper = new UdpEventMapper()
 * for (const record of mapper.map(decodePacket(datagram), Date.now())) await send(record)
 * ```
 */
export class UdpEventMapper {
  #sessionUid: string | undefined
  #startMs = 0
  #cars: CarState[] = []
  #drivers = new Map<number, string>()
  #session = ''
  #unmapped = 0

  /** Samples skipped because the car's racing number was not known yet. */
  get unmappedSamples(): number {
    return this.#unmapped
  }

  /** Maps one packet received at `receivedAt` (epoch ms) to zero or more records. */
  map(packet: F1Packet, receivedAt: number): F1Record[] {
    const h = packet.header
    if (h.sessionUID === '0') return [] // menus (e.g. BUTN) carry no session
    if (h.sessionUID !== this.#sessionUid) this.#reset(h.sessionUID, receivedAt - h.sessionTime * 1000)
    const ctx = { sessionKey: h.sessionUID, timestamp: Math.max(0, Math.round(this.#startMs + h.sessionTime * 1000)) }
    switch (packet.kind) {
      case 'motion':
        return this.#eachCar(ctx, packet.carMotionData, (car, m, base) => {
          car.motion = m
          const heading = ((Math.atan2(m.worldForwardDirX, m.worldForwardDirZ) * 180) / Math.PI + 360) % 360
          const speed = Math.hypot(m.worldVelocityX, m.worldVelocityY, m.worldVelocityZ) * 3.6
          return [
            {
              ...base,
              channel: 'position',
              sequence: nextSequence(car, 'position'),
              x: m.worldPositionX,
              y: m.worldPositionY,
              z: m.worldPositionZ,
              speed,
              heading: heading >= 360 ? 0 : heading,
            },
          ]
        })
      case 'car-telemetry':
        return this.#telemetry(ctx, packet)
      case 'car-status':
        return this.#eachCar(ctx, packet.carStatusData, (car, s, base) => {
          car.status = s
          return this.#system(car, base)
        })
      case 'car-damage':
        return this.#eachCar(ctx, packet.carDamageData, (car, d, base) => {
          car.damage = d
          return this.#system(car, base)
        })
      case 'lap-data':
        return this.#laps(ctx, packet.lapData)
      case 'participants':
        return this.#participants(ctx, packet)
      case 'session':
        return this.#sessionRecord(ctx, packet)
      case 'event':
        return this.#event(ctx, packet)
      default:
        return []
    }
  }

  #reset(uid: string, startMs: number): void {
    this.#sessionUid = uid
    this.#startMs = startMs
    this.#cars = Array.from({ length: 22 }, newCarState)
    this.#drivers.clear()
    this.#session = ''
  }

  #eachCar<T>(
    ctx: { sessionKey: string; timestamp: number },
    items: T[],
    fn: (car: CarState, item: T, base: SampleBase) => TelemetrySample[],
  ): F1Record[] {
    const out: F1Record[] = []
    items.forEach((item, index) => {
      const car = this.#cars[index]!
      if (car.carNumber === undefined) {
        if (this.#drivers.size === 0) this.#unmapped++
        return
      }
      const base: SampleBase = { ...ctx, carNumber: car.carNumber, source, ...(car.lap ? { lap: car.lap } : {}) }
      for (const value of fn(car, item, base)) {
        out.push({
          topic: F1Topics.telemetryRaw.name,
          key: keyOf(ctx.sessionKey, car.carNumber),
          value,
          timestamp: ctx.timestamp,
        })
      }
    })
    return out
  }

  #telemetry(ctx: { sessionKey: string; timestamp: number }, packet: CarTelemetryPacket): F1Record[] {
    return this.#eachCar(ctx, packet.carTelemetryData, (car, t, base) => telemetrySamples(car, t, base))
  }

  #system(car: CarState, base: SampleBase): TelemetrySample[] {
    const { errors, warnings } = systemCodes(car.damage)
    const flag = flagOf(car.status?.vehicleFiaFlags)
    const state = carStateOf(car.lastLapData)
    const signature = JSON.stringify([errors, warnings, flag, state])
    if (signature === car.system) return []
    car.system = signature
    return [
      {
        ...base,
        channel: 'system',
        sequence: nextSequence(car, 'system'),
        errors,
        warnings,
        ...(flag ? { flag } : {}),
        ...(state ? { state } : {}),
      },
    ]
  }

  #laps(ctx: { sessionKey: string; timestamp: number }, laps: LapData[]): F1Record[] {
    const out: F1Record[] = []
    const system = this.#eachCar(ctx, laps, (car, l, base) => {
      if (car.lap !== undefined && l.currentLapNum > car.lap && car.carNumber !== undefined) {
        const duration = l.lastLapTimeInMS > 0 ? l.lastLapTimeInMS : null
        const sector3 = duration !== null && car.sector1 && car.sector2 ? duration - car.sector1 - car.sector2 : null
        const value: Lap = {
          sessionKey: ctx.sessionKey,
          carNumber: car.carNumber,
          timestamp: ctx.timestamp,
          source,
          lapNumber: car.lap,
          lapStart: car.lapStart,
          lapDuration: duration,
          sector1: car.sector1,
          sector2: car.sector2,
          sector3: sector3 !== null && sector3 > 0 ? sector3 : null,
          speedTrap: l.speedTrapFastestLap === car.lap && l.speedTrapFastestSpeed ? l.speedTrapFastestSpeed : null,
          i1Speed: null,
          i2Speed: null,
          position: l.carPosition >= 1 ? l.carPosition : null,
          pitIn: car.pitIn,
          pitOut: car.pitOut,
          invalid: car.invalid,
        }
        out.push({
          topic: F1Topics.laps.name,
          key: keyOf(ctx.sessionKey, car.carNumber),
          value,
          timestamp: ctx.timestamp,
        })
      }
      if (car.lap !== l.currentLapNum) {
        car.lap = l.currentLapNum
        car.lapStart = Math.max(0, ctx.timestamp - l.currentLapTimeInMS)
        car.pitOut = l.pitStatus > 0
        car.pitIn = false
        car.invalid = false
        car.sector1 = car.sector2 = null
      }
      const s1 = sectorMs(l.sector1TimeMSPart, l.sector1TimeMinutesPart)
      const s2 = sectorMs(l.sector2TimeMSPart, l.sector2TimeMinutesPart)
      if (s1 > 0) car.sector1 = s1
      if (s2 > 0) car.sector2 = s2
      if (l.pitStatus > 0 && !car.pitOut) car.pitIn = true
      if (l.currentLapInvalid) car.invalid = true
      car.lastLapData = l
      return this.#system(car, base)
    })
    return [...out, ...system]
  }

  #participants(
    ctx: { sessionKey: string; timestamp: number },
    packet: Extract<F1Packet, { kind: 'participants' }>,
  ): F1Record[] {
    const out: F1Record[] = []
    packet.participants.slice(0, packet.numActiveCars).forEach((p, index) => {
      const car = this.#cars[index]!
      car.carNumber = p.raceNumber
      const value = driverOf(p, packet.header.packetFormat, ctx)
      const signature = JSON.stringify({ ...value, timestamp: 0 })
      if (this.#drivers.get(index) === signature) return
      this.#drivers.set(index, signature)
      out.push({
        topic: F1Topics.drivers.name,
        key: keyOf(ctx.sessionKey, p.raceNumber),
        value,
        timestamp: ctx.timestamp,
      })
    })
    return out
  }

  #sessionRecord(
    ctx: { sessionKey: string; timestamp: number },
    s: Extract<F1Packet, { kind: 'session' }>,
  ): F1Record[] {
    const value = sessionOf(s, ctx, this.#startMs)
    const signature = JSON.stringify({ ...value, timestamp: 0 })
    if (signature === this.#session) return []
    this.#session = signature
    return [{ topic: F1Topics.sessions.name, key: ctx.sessionKey, value, timestamp: ctx.timestamp }]
  }

  #event(ctx: { sessionKey: string; timestamp: number }, e: EventPacket): F1Record[] {
    const numberOf = (idx: number | undefined) => (idx === undefined ? null : (this.#cars[idx]?.carNumber ?? null))
    const leaderLap = Math.max(0, ...this.#cars.map((c) => c.lap ?? 0))
    const fields = raceControlOf(e, numberOf)
    if (fields === undefined) return []
    const value: RaceControl = {
      sessionKey: ctx.sessionKey,
      timestamp: ctx.timestamp,
      source,
      lap: leaderLap > 0 ? leaderLap : null,
      ...fields,
    }
    return [{ topic: F1Topics.raceControl.name, key: ctx.sessionKey, value, timestamp: ctx.timestamp }]
  }
}
