/**
 * @module
 * Applies an active anomaly to the samples a car emits: each type rewrites the affected fields of
 * the channel it lives in (or suppresses the channel, for a dropout) for every sample inside its
 * window, and records what it emitted as the ground truth's `observed` values.
 */

import type { PlannedAnomaly } from './anomaly-plan.ts'
import type { CornerName, GroundTruthAnomaly } from './anomaly-types.ts'
import { detectionThresholds as th } from './anomaly-types.ts'
import type { Rng } from './prng.ts'

type Sample = Record<string, any>

const EXPECT: Readonly<Record<string, string>> = {
  rpm_drop: `rpm < ${th.rpmDrop.maxRatioToExpected} x rpm expected from gear and speed (speed inside the gear's band), brake < ${th.rpmDrop.maxBrake}`,
  engine: `waterTemp > ${th.overheating.engine.waterTemp}, oilTemp > ${th.overheating.engine.oilTemp}, engineTemp > ${th.overheating.engine.engineTemp} °C`,
  brakes: `brakeTemp > ${th.overheating.brakeTemp} °C on one corner`,
  tyres: `surfaceTemp > ${th.overheating.tyreSurfaceTemp} °C on one corner`,
  gear_inconsistency: `speed outside the gear's band [${th.gearInconsistency.bandLow} x top of gear-1, ${th.gearInconsistency.bandHigh} x top of gear]`,
  tyre_pressure_loss: `pressure < ${th.tyrePressureLoss.minPressurePsi} psi or > ${th.tyrePressureLoss.maxDropBelowOthersPsi} psi below the mean of the other corners`,
  deploy_without_store: `ersDeploy > ${th.ersFault.deployWithoutStore.minDeployKw} kW while ersStore < ${th.ersFault.deployWithoutStore.maxStoreJ} J`,
  store_not_charging: `ersHarvest > ${th.ersFault.storeNotCharging.minHarvestKw} kW, ersDeploy 0, and ersStore not rising`,
  sensor_dropout: `no samples of the channel for more than ${th.sensorDropout.maxGapMs} ms`,
  stuck_sensor: `the field repeats exactly the same value for more than ${th.stuckSensor.minDurationMs} ms`,
}

/** An injection in progress on one car. */
export class ActiveAnomaly {
  readonly plan: PlannedAnomaly
  readonly truth: GroundTruthAnomaly
  readonly #rng: Rng
  readonly #observed: Record<string, number>
  #frozen: number | undefined
  #storeAtStart: number | undefined

  constructor(
    plan: PlannedAnomaly,
    id: string,
    key: string,
    sessionKey: string,
    carNumber: number,
    start: number,
    rng: Rng,
  ) {
    this.plan = plan
    this.#rng = rng
    this.#observed = {}
    const channel = plan.channel ?? channelOf(plan)
    const fields = fieldsOf(plan)
    this.truth = {
      id,
      sessionKey,
      carNumber,
      key,
      type: plan.type,
      start,
      end: start + plan.durationMs - 10,
      lap: plan.lap,
      channel,
      fields,
      expect: EXPECT[plan.component ?? plan.variant ?? plan.type]!,
      observed: this.#observed,
      ...(plan.component ? { component: plan.component } : {}),
      ...(plan.variant ? { variant: plan.variant } : {}),
      ...(plan.corner ? { corner: plan.corner } : {}),
    }
  }

  /** Whether a sample at `t` is inside the window. */
  covers(t: number): boolean {
    return t >= this.truth.start && t <= this.truth.end
  }

  /** True when this anomaly suppresses the channel's samples (a dropout). */
  drops(channel: string): boolean {
    return this.plan.type === 'sensor_dropout' && this.plan.channel === channel
  }

  /** Rewrites the affected fields of a sample about to be emitted at `t` (inside the window). */
  patch(channel: string, sample: Sample, t: number): void {
    const p = this.plan
    const elapsed = (t - this.truth.start) / 1000
    const noise = () => this.#rng.range(-1, 1)
    const corner = p.corner as CornerName
    switch (p.type) {
      case 'rpm_drop':
        if (channel !== 'power-unit') return
        sample.rpm = Math.round(sample.rpm * (p.factor ?? 0.5))
        this.#min('rpm', sample.rpm)
        return
      case 'overheating':
        if (p.component === 'engine' && channel === 'power-unit') {
          sample.waterTemp = round2(Math.max(sample.waterTemp, 124 + elapsed * 0.8 + noise()))
          sample.oilTemp = round2(Math.max(sample.oilTemp, 140 + elapsed + noise()))
          sample.engineTemp = round2(Math.max(sample.engineTemp, 152 + elapsed + noise()))
          this.#max('waterTemp', sample.waterTemp)
        } else if (p.component === 'brakes' && channel === 'tyres') {
          sample[corner].brakeTemp = round2(1220 + elapsed * 15 + 10 * noise())
          this.#max('brakeTemp', sample[corner].brakeTemp)
        } else if (p.component === 'tyres' && channel === 'tyres') {
          sample[corner].surfaceTemp = round2(138 + elapsed * 1.5 + noise())
          sample[corner].innerTemp = round2(Math.max(sample[corner].innerTemp, 118 + elapsed))
          this.#max('surfaceTemp', sample[corner].surfaceTemp)
        }
        return
      case 'gear_inconsistency':
        if (channel !== 'dynamics') return
        sample.gear = sample.gear >= 5 ? sample.gear - 4 : sample.gear + 4
        this.#max('speedKmh', sample.speed)
        this.#max('reportedGear', sample.gear)
        return
      case 'tyre_pressure_loss':
        if (channel !== 'tyres') return
        sample[corner].pressure = round2(Math.max(6, sample[corner].pressure - 3.5 - elapsed * 0.8))
        this.#min('pressure', sample[corner].pressure)
        return
      case 'ers_fault':
        if (channel !== 'power-unit') return
        if (p.variant === 'deploy_without_store') {
          sample.ersStore = Math.round(this.#rng.range(0, 15_000))
          sample.ersDeploy = round2(100 + this.#rng.range(0, 20))
          sample.ersHarvest = 0
          this.#max('ersStore', sample.ersStore)
        } else {
          this.#storeAtStart ??= sample.ersStore
          sample.ersStore = Math.round(this.#storeAtStart! - elapsed * 3000 + 500 * noise())
          sample.ersHarvest = round2(90 + this.#rng.range(0, 30))
          sample.ersDeploy = 0
          this.#min('ersHarvest', sample.ersHarvest)
        }
        return
      case 'stuck_sensor': {
        if (channel !== p.channel) return
        const holder = p.channel === 'tyres' ? sample[corner] : sample
        this.#frozen ??= holder[p.field!]
        holder[p.field!] = this.#frozen
        this.#observed.value = this.#frozen!
        return
      }
      default:
        return
    }
  }

  #min(name: string, value: number): void {
    if (!(value >= this.#observed[name]!)) this.#observed[name] = value
  }

  #max(name: string, value: number): void {
    if (!(value <= this.#observed[name]!)) this.#observed[name] = value
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}

function channelOf(plan: PlannedAnomaly): string {
  if (plan.type === 'gear_inconsistency') return 'dynamics'
  if (plan.type === 'tyre_pressure_loss') return 'tyres'
  if (plan.type === 'overheating') return plan.component === 'engine' ? 'power-unit' : 'tyres'
  return 'power-unit'
}

function fieldsOf(plan: PlannedAnomaly): string[] {
  const c = plan.corner
  switch (plan.type) {
    case 'rpm_drop':
      return ['rpm']
    case 'overheating':
      if (plan.component === 'engine') return ['waterTemp', 'oilTemp', 'engineTemp']
      return [plan.component === 'brakes' ? `${c}.brakeTemp` : `${c}.surfaceTemp`]
    case 'gear_inconsistency':
      return ['gear', 'speed']
    case 'tyre_pressure_loss':
      return [`${c}.pressure`]
    case 'ers_fault':
      return ['ersStore', 'ersDeploy', 'ersHarvest']
    case 'stuck_sensor':
      return [plan.channel === 'tyres' ? `${c}.${plan.field}` : plan.field!]
    default:
      return []
  }
}
