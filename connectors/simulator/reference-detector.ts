/**
 * @module
 * A reference detector: the simplest rules that apply {@link detectionThresholds} to the raw
 * telemetry stream, one car at a time, in timestamp order. It exists to prove that the simulator's
 * anomalies are separable from its normal driving (tests score it against the ground truth) and to
 * show the streaming detector what each rule means; it is not the pipeline's detector.
 */
import type { SampleOf, TelemetrySample } from '../../topology/f1/model/index.ts'
import type { AnomalyType } from './anomaly-types.ts'
import { detectionThresholds as th } from './anomaly-types.ts'
import { GEAR_TOP_KMH, gearBand, REFERENCE_RPM } from './powertrain.ts'

/** One detected anomaly interval. */
export interface Detection {
  readonly key: string
  readonly type: AnomalyType
  readonly start: number
  readonly end: number
  readonly detail: string
}

/** A condition that must hold for `minMs` to count; reports the interval once it qualifies. */
class Run {
  start = -1
  last = -1
  values = new Set<number>()
  hold(t: number, ok: boolean, value = 0): boolean {
    if (!ok) {
      this.start = -1
      this.values.clear()
      return false
    }
    if (this.start < 0) this.start = t
    this.last = t
    if (this.values.size < 3) this.values.add(value)
    return true
  }
}

const CORNERS = ['FL', 'FR', 'RL', 'RR'] as const
const STUCK_TYRE_FIELDS = th.stuckSensor.fields.tyres
const STUCK_PU_FIELDS = th.stuckSensor.fields['power-unit']

interface CarTrack {
  dyn?: SampleOf<'dynamics'>
  readonly runs: Map<string, Run>
  readonly lastSeen: Map<string, number>
  readonly stuck: Map<string, { value: number; since: number; last: number }>
  harvestStore: number
}

/**
 * Feeds samples in timestamp order; collects {@link Detection}s (merged per car and type when less
 * than 2 s apart).
 *
 * @example
 * ```ts
 * const d = new ReferenceDetector()
 * for (const r of records) if (r.topic === 'f1.telemetry.raw') d.add(r.key, r.value)
 * d.finish() // detections
 * ```
 */
export class ReferenceDetector {
  readonly #cars = new Map<string, CarTrack>()
  readonly #open = new Map<string, Detection>()
  readonly #done: Detection[] = []

  add(key: string, s: TelemetrySample): void {
    let car = this.#cars.get(key)
    if (!car) {
      car = { runs: new Map(), lastSeen: new Map(), stuck: new Map(), harvestStore: 0 }
      this.#cars.set(key, car)
    }
    const t = s.timestamp
    if (s.channel !== 'system') {
      const last = car.lastSeen.get(s.channel)
      if (last !== undefined && t - last > th.sensorDropout.maxGapMs)
        this.#report(key, 'sensor_dropout', last + 1, t - 1, s.channel)
      car.lastSeen.set(s.channel, t)
    }
    if (s.channel === 'dynamics') this.#dynamics(key, car, s)
    else if (s.channel === 'power-unit') this.#powerUnit(key, car, s)
    else if (s.channel === 'tyres') this.#tyres(key, car, s)
  }

  /** Closes open intervals and returns every detection. */
  finish(): Detection[] {
    this.#done.push(...this.#open.values())
    this.#open.clear()
    return this.#done.sort((a, b) => a.start - b.start)
  }

  #run(car: CarTrack, name: string): Run {
    let r = car.runs.get(name)
    if (!r) {
      r = new Run()
      car.runs.set(name, r)
    }
    return r
  }

  #sustained(
    key: string,
    car: CarTrack,
    name: string,
    type: AnomalyType,
    t: number,
    ok: boolean,
    minMs: number,
    value = 0,
  ): void {
    const r = this.#run(car, name)
    if (r.hold(t, ok, value) && t - r.start >= minMs) this.#report(key, type, r.start, t, name)
  }

  #dynamics(key: string, car: CarTrack, s: SampleOf<'dynamics'>): void {
    car.dyn = s
    const band = gearBand(s.gear)
    const outside =
      s.gear >= 1 && s.speed >= th.gearInconsistency.minSpeedKmh && (s.speed < band.min || s.speed > band.max)
    this.#sustained(key, car, 'gear', 'gear_inconsistency', s.timestamp, outside, th.gearInconsistency.minDurationMs)
  }

  #powerUnit(key: string, car: CarTrack, s: SampleOf<'power-unit'>): void {
    const t = s.timestamp
    const d = car.dyn
    let drop = false
    if (d && t - d.timestamp <= 100 && d.gear >= 1 && d.speed >= 40) {
      const band = gearBand(d.gear)
      const expected = (REFERENCE_RPM * d.speed) / GEAR_TOP_KMH[d.gear]!
      drop =
        d.speed >= band.min &&
        d.speed <= band.max &&
        s.rpm < th.rpmDrop.maxRatioToExpected * expected &&
        d.brake < th.rpmDrop.maxBrake
    }
    const r = this.#run(car, 'rpm')
    // a frozen reading is a stuck sensor, not a drop: a drop keeps moving
    if (r.hold(t, drop, s.rpm) && t - r.start >= th.rpmDrop.minDurationMs && r.values.size >= 3) {
      this.#report(key, 'rpm_drop', r.start, t, 'rpm')
    }
    const e = th.overheating.engine
    const hot = (s.waterTemp ?? 0) > e.waterTemp && (s.oilTemp ?? 0) > e.oilTemp && (s.engineTemp ?? 0) > e.engineTemp
    this.#sustained(key, car, 'engine', 'overheating', t, hot, th.overheating.minDurationMs)
    const dw = th.ersFault.deployWithoutStore
    const noStore = (s.ersDeploy ?? 0) > dw.minDeployKw && (s.ersStore ?? 0) < dw.maxStoreJ
    this.#sustained(key, car, 'ers-deploy', 'ers_fault', t, noStore, dw.minDurationMs)
    const nc = th.ersFault.storeNotCharging
    const harvesting = (s.ersHarvest ?? 0) > nc.minHarvestKw && (s.ersDeploy ?? 0) === 0
    const hr = this.#run(car, 'ers-harvest')
    if (hr.start < 0 && harvesting) car.harvestStore = s.ersStore ?? 0
    if (
      hr.hold(t, harvesting) &&
      t - hr.start >= nc.minDurationMs &&
      (s.ersStore ?? 0) - car.harvestStore < nc.maxStoreGainJ
    ) {
      this.#report(key, 'ers_fault', hr.start, t, 'ers-harvest')
    }
    for (const f of STUCK_PU_FIELDS) this.#stuck(key, car, `power-unit.${f}`, t, s[f])
  }

  #tyres(key: string, car: CarTrack, s: SampleOf<'tyres'>): void {
    const t = s.timestamp
    const p = th.tyrePressureLoss
    const sum = CORNERS.reduce((a, c) => a + s[c].pressure, 0)
    for (const c of CORNERS) {
      const x = s[c]
      const others = (sum - x.pressure) / 3
      const low = x.pressure < p.minPressurePsi || x.pressure < others - p.maxDropBelowOthersPsi
      this.#sustained(key, car, `pressure.${c}`, 'tyre_pressure_loss', t, low, p.minDurationMs)
      const brakeHot = (x.brakeTemp ?? 0) > th.overheating.brakeTemp
      this.#sustained(key, car, `brake.${c}`, 'overheating', t, brakeHot, th.overheating.minDurationMs)
      const tyreHot = x.surfaceTemp > th.overheating.tyreSurfaceTemp
      this.#sustained(key, car, `tyre.${c}`, 'overheating', t, tyreHot, th.overheating.minDurationMs)
      for (const f of STUCK_TYRE_FIELDS) this.#stuck(key, car, `tyres.${c}.${f}`, t, x[f])
    }
  }

  #stuck(key: string, car: CarTrack, name: string, t: number, value: number | undefined): void {
    if (value === undefined) return
    const st = car.stuck.get(name)
    if (!st || st.value !== value) {
      car.stuck.set(name, { value, since: t, last: t })
      return
    }
    st.last = t
    if (t - st.since >= th.stuckSensor.minDurationMs) this.#report(key, 'stuck_sensor', st.since, t, name)
  }

  #report(key: string, type: AnomalyType, start: number, end: number, detail: string): void {
    const id = `${key}|${type}`
    const open = this.#open.get(id)
    if (open && start <= open.end + 2000) {
      this.#open.set(id, { ...open, end: Math.max(open.end, end) })
      return
    }
    if (open) this.#done.push(open)
    this.#open.set(id, { key, type, start, end, detail })
  }
}
