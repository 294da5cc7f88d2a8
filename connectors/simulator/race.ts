/**
 * @module
 * One race, advanced in 10 ms ticks: every car steps its physics each tick and emits each channel
 * on its own cadence (power unit every 2 ticks, dynamics every 5, position and aero every 10, tyres
 * every 20, system on change), so records leave in timestamp order across cars (a merged
 * timeline). Laps, pit stops, retirements, race control, the finish and anomaly injection happen
 * here.
 */
import { F1Topics } from '../../topology/f1/topics.ts'
import { ActiveAnomaly } from './anomaly-injector.ts'
import type { PlannedAnomaly } from './anomaly-plan.ts'
import type { GroundTruthAnomaly } from './anomaly-types.ts'
import { inPitLane, stepMotion } from './car-physics.ts'
import type { CarState } from './car-state.ts'
import { fitTyres, stepSystems } from './car-systems.ts'
import type { SimulatorConfig } from './config.ts'
import { crossTimingLines, type LapResult } from './lap-timing.ts'
import type { Rng } from './prng.ts'
import type { RaceDirector } from './race-control.ts'
import type { SimRecord } from './record.ts'
import { aeroSample, dynamicsSample, positionSample, powerUnitSample, systemSample, tyresSample } from './samples.ts'
import { lapPace } from './strategy.ts'
import { sectorOf, type Track } from './track.ts'

const RAW = F1Topics.telemetryRaw.name
const DT = 0.01
const TICK_MS = 10

/** Everything a race needs, built by the simulator. */
export interface RaceSetup {
  readonly config: SimulatorConfig
  readonly track: Track
  readonly cars: CarState[]
  readonly director: RaceDirector
  readonly plans: PlannedAnomaly[][]
  readonly rng: Rng
  readonly nominalLapSeconds: number
  readonly startFuel: number
  readonly debrisLap: number
}

/** The race loop; see the module comment. */
export class Race {
  readonly #s: RaceSetup
  readonly #active: CarState[]
  readonly #anomalies: (ActiveAnomaly | undefined)[]
  readonly #lastAnomalyEnd: number[]
  readonly #truth: GroundTruthAnomaly[] = []
  readonly #lapCrossings: number[] = []
  readonly #lastCrossingMs: number[] = []
  #tick = 0
  #leaderLap = 1
  #finishing = false
  #debrisDone = false
  #anomalyCount = 0
  done = false

  constructor(setup: RaceSetup) {
    this.#s = setup
    this.#active = [...setup.cars]
    this.#anomalies = setup.cars.map(() => undefined)
    this.#lastAnomalyEnd = setup.cars.map(() => Number.NEGATIVE_INFINITY)
  }

  /** Simulated time of the last tick (epoch ms). */
  get now(): number {
    return this.#s.config.startTime + this.#tick * TICK_MS
  }

  /** The anomalies injected so far (the window of one still active is already final). */
  get groundTruth(): readonly GroundTruthAnomaly[] {
    return this.#truth
  }

  /** Runs one tick and appends its records to `out`. */
  tick(out: SimRecord[]): void {
    const { config, track, director } = this.#s
    const n = this.#tick
    const t = this.now
    if (n > 0) {
      if (!this.#debrisDone && this.#leaderLap >= this.#s.debrisLap && config.safetyCar) {
        this.#debrisDone = true
        director.incident(t, this.#leaderLap, 2, null, 'DEBRIS ON TRACK')
      }
      for (const m of director.update(t, this.#leaderLap)) out.push(this.#rc(m))
    }
    const flag = director.mode === 'green' ? 'green' : 'yellow'
    for (let k = 0; k < this.#active.length; k++) {
      const car = this.#active[k]!
      if (n > 0 && !this.#step(car, t, out)) {
        this.#active.splice(k--, 1)
        continue
      }
      if (car.flag !== 'chequered') car.flag = flag
      car.status = car.retiring && car.v === 0 ? 'retired' : inPitLane(car, track) ? 'pit-lane' : 'on-track'
      this.#emit(car, n, t, out)
    }
    if (this.#active.length === 0) this.done = true
    this.#tick++
  }

  /** Steps one car; false when it left the session (retired or finished) during this tick. */
  #step(car: CarState, t: number, out: SimRecord[]): boolean {
    const { track, director, config } = this.#s
    const prevS = car.s
    const prevV = car.v
    if (stepMotion(car, track, director.mode, DT, t)) {
      car.stoppedUntil = t + Math.round(car.rng.range(2200, 3400) / 10) * 10
      fitTyres(car, car.pitCompounds[car.pitLaps.indexOf(car.lap)] ?? 'hard')
    }
    stepSystems(car, DT, this.#s.nominalLapSeconds)
    if (!car.retiring && car.retireLap === car.lap && car.s >= car.retireAt) {
      car.retiring = true
      const what = `CAR ${car.entrant.carNumber} (${car.entrant.nameAcronym}) STOPPED ON TRACK`
      director.incident(t, car.lap, sectorOf(track, car.s), car.entrant.carNumber, what)
    }
    if (car.retiring && car.v === 0) {
      car.status = 'retired'
      this.#endAnomaly(car)
      this.#system(car, t, out, [])
      return false
    }
    const lap = crossTimingLines(car, track, prevS, prevV, t - TICK_MS, t)
    if (lap) {
      out.push(this.#lap(car, lap, t))
      if (lap.lapNumber >= config.laps && !this.#finishing) {
        this.#finishing = true
        director.say(t, lap.lapNumber, {
          category: 'flag',
          flag: 'chequered',
          scope: 'track',
          message: 'CHEQUERED FLAG',
        })
      }
      if (this.#finishing) {
        car.flag = 'chequered'
        car.status = 'garage'
        this.#endAnomaly(car)
        this.#system(car, t, out, [])
        return false
      }
      this.#startLap(car, lap.lapEnd)
    }
    this.#updateAnomaly(car, t)
    return true
  }

  #startLap(car: CarState, crossedAt: number): void {
    const { config, director } = this.#s
    this.#leaderLap = Math.max(this.#leaderLap, car.lap)
    car.pitOutLap = car.pitting
    car.pitting = car.pitLaps.includes(car.lap) && config.pitStops
    car.pitInLap = car.pitting
    if (!car.pitOutLap) car.tyreAgeLaps++
    car.lapDeployed = 0
    car.pace = lapPace(car, car.rng, this.#s.startFuel)
    const ahead = this.#lastCrossingMs[car.lap - 1]
    car.drsEligible = director.mode === 'green' && car.lap >= 3 && ahead !== undefined && crossedAt - ahead < 1000
    this.#lastCrossingMs[car.lap - 1] = crossedAt
  }

  #lap(car: CarState, lap: LapResult, t: number): SimRecord {
    const position = (this.#lapCrossings[lap.lapNumber] ?? 0) + 1
    this.#lapCrossings[lap.lapNumber] = position
    const [s1, s2, s3] = lap.sectors
    const value = {
      sessionKey: this.#s.config.sessionKey,
      carNumber: car.entrant.carNumber,
      timestamp: t,
      source: 'simulator' as const,
      lapNumber: lap.lapNumber,
      lapStart: lap.lapStart,
      lapDuration: s1 + s2 + s3,
      sector1: s1,
      sector2: s2,
      sector3: s3,
      speedTrap: lap.speedTrap,
      i1Speed: lap.i1Speed,
      i2Speed: lap.i2Speed,
      position,
      pitIn: lap.pitIn,
      pitOut: lap.pitOut,
    }
    return { topic: F1Topics.laps.name, key: car.key, value, timestamp: t }
  }

  #rc(m: ReturnType<RaceDirector['update']>[number]): SimRecord {
    return { topic: F1Topics.raceControl.name, key: this.#s.config.sessionKey, value: m, timestamp: m.timestamp }
  }

  #emit(car: CarState, n: number, t: number, out: SimRecord[]): void {
    const key = this.#s.config.sessionKey
    const a = this.#anomalies[car.index]
    const anomaly = a?.covers(t) ? a : undefined
    const push = (channel: string, value: any) => {
      if (anomaly) anomaly.patch(channel, value, t)
      out.push({ topic: RAW, key: car.key, value, timestamp: t })
    }
    const drop = (channel: string) => anomaly?.drops(channel) === true
    if (n % 2 === 0 && !drop('power-unit')) push('power-unit', powerUnitSample(car, key, t))
    if (n % 5 === 0 && !drop('dynamics')) push('dynamics', dynamicsSample(car, key, t))
    if (n % 10 === 0) {
      if (!drop('position')) push('position', positionSample(car, this.#s.track, key, t))
      if (!drop('aero')) push('aero', aeroSample(car, key, t))
    }
    if (n % 20 === 0 && !drop('tyres')) push('tyres', tyresSample(car, key, t))
    this.#system(car, t, out, car.status === 'pit-lane' ? ['PIT_LIMITER'] : [])
  }

  #system(car: CarState, t: number, out: SimRecord[], warnings: string[]): void {
    const signature = `${car.status}|${car.flag}|${warnings.join(',')}`
    if (signature === car.lastSystem) return
    car.lastSystem = signature
    out.push({
      topic: RAW,
      key: car.key,
      value: systemSample(car, this.#s.config.sessionKey, t, warnings),
      timestamp: t,
    })
  }

  #updateAnomaly(car: CarState, t: number): void {
    const current = this.#anomalies[car.index]
    if (current && t > current.truth.end) this.#anomalies[car.index] = undefined
    const plans = this.#s.plans[car.index]!
    const plan = plans[0]
    if (!plan || car.lap < plan.lap || (car.lap === plan.lap && car.s < plan.at)) return
    const ok =
      this.#s.director.calm &&
      !this.#anomalies[car.index] &&
      !car.pitting &&
      !car.pitOutLap &&
      !car.retiring &&
      car.retireLap !== car.lap &&
      car.v > 25 &&
      car.s < plan.at + 300 &&
      t >= this.#lastAnomalyEnd[car.index]! + 5000
    if (!ok) {
      plan.lap = car.lap + 1
      plans.sort((x, y) => x.lap - y.lap || x.at - y.at)
      return
    }
    plans.shift()
    const id = `${plan.type}-${++this.#anomalyCount}`
    const { sessionKey } = this.#s.config
    const active = new ActiveAnomaly(plan, id, car.key, sessionKey, car.entrant.carNumber, t, this.#s.rng.fork(id))
    this.#anomalies[car.index] = active
    this.#lastAnomalyEnd[car.index] = active.truth.end
    this.#truth.push(active.truth)
  }

  #endAnomaly(car: CarState): void {
    this.#s.plans[car.index]!.length = 0
  }
}
