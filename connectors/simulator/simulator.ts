/**
 * @module
 * The car simulator: a seeded, deterministic race of N cars producing the F1 event model's records
 * (session, drivers, raw telemetry by channel, laps, race control) on a merged timeline, plus the
 * ground truth of the anomalies it injected. Run it as fast as possible (`batches()`, `records()`)
 * or paced against the wall clock (`records()` with `mode: 'realtime'` and a speed factor).
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import { keyOf } from '../../topology/f1/model/index.ts'
import { F1Topics } from '../../topology/f1/topics.ts'
import { fullThrottleRuns, planAnomalies } from './anomaly-plan.ts'
import type { GroundTruthAnomaly } from './anomaly-types.ts'
import { createCar } from './car-state.ts'
import { SILVERSTONE } from './circuit.ts'
import { parseSimulatorConfig, type SimulatorConfig, type SimulatorOptions } from './config.ts'
import { field } from './drivers.ts'
import { Rng } from './prng.ts'
import { Race } from './race.ts'
import { RaceDirector } from './race-control.ts'
import type { SimRecord } from './record.ts'
import { profileLapTime, REFERENCE_CAR, speedProfile } from './speed-profile.ts'
import { planPitStops, planRetirements } from './strategy.ts'
import { buildTrack, type Track } from './track.ts'

/**
 * A simulated race. Each instance runs once.
 *
 * @example
 * ```ts
 * const sim = new Simulator({ seed: 7, cars: 20, laps: 55 })
 * for (const batch of sim.batches()) producer.send(batch)
 * console.log(sim.groundTruth)
 * ```
 */
export class Simulator {
  readonly config: SimulatorConfig
  readonly track: Track
  readonly #race: Race
  #started = false

  constructor(options: SimulatorOptions = {}) {
    this.config = parseSimulatorConfig(options)
    const c = this.config
    this.track = buildTrack(SILVERSTONE)
    const rng = new Rng(c.seed)
    const entrants = field(c.cars)
    const nominalLapSeconds = profileLapTime(speedProfile(this.track, REFERENCE_CAR))
    const startFuel = Math.min(110, c.laps * 1.8 + 3)
    const cars = entrants.map((entrant, index) => {
      const own = rng.fork(`car:${entrant.carNumber}`)
      const form = 1 - 0.006 * entrant.teamRank - own.range(0, 0.004)
      const perf = {
        powerToMass: REFERENCE_CAR.powerToMass * (1 - 0.004 * entrant.teamRank) * form,
        grip: form,
        braking: form,
        drag: REFERENCE_CAR.drag,
      }
      const profiles = {
        green: speedProfile(this.track, perf),
        drs: speedProfile(this.track, perf, { drs: true }),
        sc: speedProfile(
          this.track,
          { ...perf, powerToMass: perf.powerToMass * 0.3, grip: perf.grip * 0.5 },
          { cap: 50 },
        ),
        vsc: speedProfile(
          this.track,
          { ...perf, powerToMass: perf.powerToMass * 0.4, grip: perf.grip * 0.6 },
          { cap: 58 },
        ),
      }
      const key = keyOf(c.sessionKey, entrant.carNumber)
      const car = createCar(index, entrant, key, perf, profiles, own.fork('noise'), {
        trackLength: this.track.length,
        gridOffset: 20 + 8 * index,
        fuel: startFuel,
        compound: 'medium',
      })
      car.s = -(20 + 8 * index)
      car.lapStartMs = c.startTime
      car.sectorStartMs = c.startTime
      planPitStops(car, own.fork('strategy'), c.laps)
      return car
    })
    planRetirements(cars, rng.fork('retirements'), c.retirements, c.laps, this.track.length)
    const plans: ReturnType<typeof planAnomalies>[] = cars.map(() => [])
    const runs = fullThrottleRuns(cars[0]!.profiles.green, 400)
    const anomalyOptions = {
      cars: c.cars,
      totalLaps: c.laps,
      perType: c.anomaliesPerType,
      trackLength: this.track.length,
    }
    for (const p of planAnomalies(rng.fork('anomalies'), { ...anomalyOptions, throttleRuns: runs }))
      plans[p.carIndex]!.push(p)
    for (const list of plans) list.sort((x, y) => x.lap - y.lap || x.at - y.at)
    const director = new RaceDirector(c.sessionKey, { safetyCar: c.safetyCar, scMs: 140_000, vscMs: 70_000 })
    const debrisLap = c.laps >= 3 ? Math.max(2, Math.round(0.6 * c.laps)) : Number.POSITIVE_INFINITY
    this.#race = new Race({
      config: c,
      track: this.track,
      cars,
      director,
      plans,
      rng,
      nominalLapSeconds,
      startFuel,
      debrisLap,
    })
  }

  /** The injected anomalies so far (complete once the run has ended). */
  get groundTruth(): readonly GroundTruthAnomaly[] {
    return this.#race.groundTruth
  }

  /** Whether the race has ended. */
  get done(): boolean {
    return this.#race.done
  }

  /**
   * The race as batches of records, each covering `batchMs` of simulated time, as fast as
   * possible; the first batch starts with the session and drivers, the last ends with the session
   * record updated with its end time.
   */
  *batches(): Generator<SimRecord[]> {
    if (this.#started)
      throw new PitwallError(ErrorCodes.RUNTIME_STATE, 'Simulator.batches(): a simulator runs once; create a new one')
    this.#started = true
    let out: SimRecord[] = this.#opening()
    const ticksPerBatch = this.config.batchMs / 10
    while (!this.#race.done) {
      for (let i = 0; i < ticksPerBatch && !this.#race.done; i++) this.#race.tick(out)
      if (this.#race.done) out.push(this.#session(this.#race.now))
      yield out
      out = []
    }
  }

  /**
   * The race record by record; in `realtime` mode each batch is released when the wall clock
   * reaches its simulated time divided by `speedFactor`.
   */
  async *records(signal?: AbortSignal): AsyncGenerator<SimRecord> {
    const wallStart = performance.now()
    const { mode, speedFactor, batchMs, startTime } = this.config
    let simEnd = startTime
    for (const batch of this.batches()) {
      if (signal?.aborted) return
      simEnd += batchMs
      if (mode === 'realtime') {
        const due = wallStart + (simEnd - startTime) / speedFactor
        const wait = due - performance.now()
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      }
      yield* batch
    }
  }

  #opening(): SimRecord[] {
    const c = this.config
    const out: SimRecord[] = [this.#session(null)]
    const start = {
      sessionKey: c.sessionKey,
      timestamp: c.startTime,
      source: 'simulator' as const,
      category: 'flag' as const,
      flag: 'green' as const,
      scope: 'track' as const,
      sector: null,
      carNumber: null,
      message: 'GREEN LIGHT - RACE START',
      safetyCar: null,
      lap: 1,
    }
    out.push({ topic: F1Topics.raceControl.name, key: c.sessionKey, value: start, timestamp: c.startTime })
    for (const e of field(c.cars)) {
      const value = {
        sessionKey: c.sessionKey,
        carNumber: e.carNumber,
        timestamp: c.startTime,
        source: 'simulator' as const,
        nameAcronym: e.nameAcronym,
        fullName: e.fullName,
        teamName: e.teamName,
        teamColour: e.teamColour,
      }
      out.push({ topic: F1Topics.drivers.name, key: keyOf(c.sessionKey, e.carNumber), value, timestamp: c.startTime })
    }
    return out
  }

  #session(end: number | null): SimRecord {
    const c = this.config
    const timestamp = end ?? c.startTime
    const value = {
      sessionKey: c.sessionKey,
      timestamp,
      source: 'simulator' as const,
      name: 'Race',
      type: 'race' as const,
      circuit: SILVERSTONE.shortName,
      country: SILVERSTONE.country,
      start: c.startTime,
      end,
      totalLaps: c.laps,
      trackLength: this.track.length,
    }
    return { topic: F1Topics.sessions.name, key: c.sessionKey, value, timestamp }
  }
}
