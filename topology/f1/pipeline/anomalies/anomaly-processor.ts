/**
 * @module
 * The anomaly detector as a custom processor: per `session:car` key it keeps the detectors' state
 * (car-state.ts) in the `f1-anomaly-state` store, runs the detectors on each sample and forwards
 * anomalies keyed by the car. A stream-time punctuator finds silent channels and closes anomalies
 * that stopped; a wall-clock punctuator finds silent channels in live sessions.
 *
 * The store is written on every sample and after every change a punctuation makes (the state is
 * changed in place, and a change reaches the store only when put again), so the changelog (and so
 * exactly-once restore) always matches the committed input; the in-memory map only saves reads and
 * is rebuilt from the store after a restart.
 */
import type { KeyValueStore } from '../../../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../../processor.ts'
import type { TelemetrySample } from '../../model/index.ts'
import type { F1Config } from '../config.ts'
import { pendingOf } from '../state-stores.ts'
import { F1Stores } from '../store-names.ts'
import type { Anomaly } from './anomaly.ts'
import { type CarState, newCarState } from './car-state.ts'
import { detectSample } from './detect.ts'
import { closeStale, type DetectorContext } from './detector-context.ts'
import { checkSilentChannels } from './sensor-dropout.ts'

interface WallSeen {
  readonly seen: { [channel: string]: number }
  any: number
}

/**
 * The detector processor.
 *
 * @example
 * ```ts
 * builder.addStateStore(anomalyStateStore(config))
 * clean.process(() => new AnomalyProcessor(config), F1Stores.anomalyState).to('f1.telemetry.anomalies')
 * ```
 */
export class AnomalyProcessor implements Processor<string, TelemetrySample, string, Anomaly> {
  readonly #config: F1Config
  readonly #cars = new Map<string, CarState>()
  readonly #wall = new Map<string, WallSeen>()
  #ctx!: ProcessorContext<string, Anomaly>
  #store!: KeyValueStore<string, CarState>

  /** What the detectors emit on the current sample. */
  readonly #emitted: Anomaly[] = []
  readonly #sampleContext: { car: CarState; readonly config: F1Config; emit(anomaly: Anomaly): void }

  constructor(config: F1Config) {
    this.#config = config
    const emitted = this.#emitted
    this.#sampleContext = { car: newCarState('', 0), config, emit: (a) => emitted.push(a) }
  }

  init(ctx: ProcessorContext<string, Anomaly>): void {
    this.#ctx = ctx
    this.#store = ctx.getStateStore<KeyValueStore<string, CarState>>(F1Stores.anomalyState)
    const dropout = this.#config.anomalies.sensorDropout
    ctx.schedule(dropout.checkIntervalMs, 'stream-time', (t) => this.#punctuateStreamTime(t))
    if (dropout.wallClockCheckMs > 0) {
      ctx.schedule(dropout.wallClockCheckMs, 'wall-clock-time', (now) => this.#punctuateWallClock(now))
    }
  }

  process(record: Record<string, TelemetrySample>): Promise<void> | undefined {
    const s = record.value
    if (s === null || s === undefined) return undefined
    const car = this.#cars.get(record.key)
    // the usual case: the car's state is held, nothing is emitted, and the sample stays synchronous
    if (car !== undefined) return this.#detect(record, s, car)
    return this.#store.get(record.key).then((stored) => {
      const loaded = stored ?? newCarState(s.sessionKey, s.carNumber)
      this.#cars.set(record.key, loaded)
      return this.#detect(record, s, loaded)
    })
  }

  #detect(record: Record<string, TelemetrySample>, s: TelemetrySample, car: CarState): Promise<void> | undefined {
    // one context for every sample (samples are processed one at a time): nothing allocated per sample
    const ctx = this.#sampleContext
    ctx.car = car
    detectSample(ctx, s)
    this.#noteWall(record.key, s.channel)
    const written = this.#store.put(record.key, car)
    if (this.#emitted.length === 0) return pendingOf(written)
    const out = this.#emitted.splice(0)
    return written.then(() => this.#forward(record.key, out, record.timestamp))
  }

  #context(car: CarState, out: Anomaly[]): DetectorContext {
    return { car, config: this.#config, emit: (a) => out.push(a) }
  }

  #noteWall(key: string, channel: string): void {
    const now = this.#ctx.currentSystemTime()
    let w = this.#wall.get(key)
    if (w === undefined) {
      w = { seen: {}, any: now }
      this.#wall.set(key, w)
    }
    w.seen[channel] = now
    w.any = now
  }

  async #punctuateStreamTime(streamTime: number): Promise<void> {
    for (const [key, car] of this.#cars) {
      const out: Anomaly[] = []
      const ctx = this.#context(car, out)
      const extended = checkSilentChannels(ctx, car.lastSeen, car.lastAny, car.lastAny)
      closeStale(ctx, car.lastAny)
      // a change in place reaches the store only when put again
      if (!extended && out.length === 0) continue
      await this.#store.put(key, car)
      await this.#forward(key, out, Math.max(streamTime, 0))
    }
  }

  async #punctuateWallClock(now: number): Promise<void> {
    for (const [key, w] of this.#wall) {
      const car = this.#cars.get(key)
      if (car === undefined) continue
      const out: Anomaly[] = []
      const extended = checkSilentChannels(this.#context(car, out), w.seen, w.any, now)
      if (!extended && out.length === 0) continue
      await this.#store.put(key, car)
      await this.#forward(key, out, car.lastAny)
    }
  }

  async #forward(key: string, anomalies: readonly Anomaly[], timestamp: number): Promise<void> {
    for (const a of anomalies) {
      this.#ctx.recordMetric(`f1.anomalies.${a.type}.${a.status}`)
      await this.#ctx.forward({ key, value: a, timestamp, headers: {} })
    }
  }
}
