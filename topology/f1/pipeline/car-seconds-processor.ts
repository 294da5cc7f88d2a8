/**
 * @module
 * The 1 s car metrics: per car, tumbling windows of `metrics.tumblingMs` over dynamics and
 * power-unit samples, kept in the `f1-car-metrics-1s` window store (object cache: serialized once
 * per commit) and forwarded once each, final, when stream time passes the window's end plus
 * grace, in order of window end. This is what the DSL's windowed aggregate with
 * `suppress(untilWindowCloses)` did, without serializing the aggregate and the suppression buffer
 * on every sample: the windows not yet forwarded are kept per car in `f1-car-metrics-1s-pending`
 * (changelogged, so a restart forwards each window once; a car's entry is changed in place and put
 * again after every change, as the store's object cache shares it). A sample of a window already closed is
 * dropped and counted in `dropped-records`.
 */
import type { KeyValueStore, Window, WindowStore } from '../../../stores/api.ts'
import type { ValueAndTimestamp } from '../../internals/processors/value-and-timestamp.ts'
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { TelemetrySample } from '../model/index.ts'
import { addSampleInPlace, type CarMetricsAggregate, emptyMetrics } from './car-metrics.ts'
import { WRITTEN } from './state-stores.ts'
import { F1Stores } from './store-names.ts'

/** A final 1 s window of a car. */
export interface WindowResult {
  readonly window: Window
  readonly agg: CarMetricsAggregate
}

/** A window of a car not forwarded yet. */
interface OpenWindow {
  readonly start: number
  /** Newest sample time in the window: the timestamp of the result. */
  ts: number
  /** Order of creation, to forward windows that close together in a stable order. */
  readonly seq: number
  agg: CarMetricsAggregate
}

/** The pending-store value of a car. */
export interface PendingWindows {
  readonly windows: OpenWindow[]
}

/**
 * The processor.
 *
 * @example
 * ```ts
 * samples.process(() => new CarSecondsProcessor(1_000, 0), F1Stores.carMetrics1s, F1Stores.carMetrics1sPending)
 * ```
 */
export class CarSecondsProcessor implements Processor<string, TelemetrySample, string, WindowResult> {
  readonly #sizeMs: number
  readonly #graceMs: number
  readonly #cars = new Map<string, PendingWindows>()
  #ctx!: ProcessorContext<string, WindowResult>
  #store!: WindowStore<string, ValueAndTimestamp<CarMetricsAggregate>>
  #pending!: KeyValueStore<string, PendingWindows>
  #streamTime = -1
  #seq = 0
  /** The earliest end of a pending window (Infinity when none). */
  #nextEnd = Number.POSITIVE_INFINITY

  constructor(windowSizeMs: number, graceMs: number) {
    this.#sizeMs = windowSizeMs
    this.#graceMs = graceMs
  }

  async init(ctx: ProcessorContext<string, WindowResult>): Promise<void> {
    this.#ctx = ctx
    this.#store = ctx.getStateStore(F1Stores.carMetrics1s)
    this.#pending = ctx.getStateStore(F1Stores.carMetrics1sPending)
    for await (const { key, value } of this.#pending.all()) {
      this.#cars.set(key, value)
      for (const w of value.windows) {
        this.#seq = Math.max(this.#seq, w.seq + 1)
        this.#nextEnd = Math.min(this.#nextEnd, w.start + this.#sizeMs)
      }
    }
  }

  process(record: Record<string, TelemetrySample>): Promise<void> | undefined {
    const { key, value, timestamp } = record
    if (key === null || key === undefined || value === null || value === undefined) {
      this.#ctx.recordMetric('dropped-records')
      return undefined
    }
    if (timestamp > this.#streamTime) this.#streamTime = timestamp
    const closeTime = this.#streamTime - this.#graceMs
    const start = timestamp - (timestamp % this.#sizeMs)
    if (start + this.#sizeMs <= closeTime) {
      this.#ctx.recordMetric('dropped-records')
      return undefined
    }
    let car = this.#cars.get(key)
    if (car === undefined) {
      car = { windows: [] }
      this.#cars.set(key, car)
    }
    let open = car.windows.find((w) => w.start === start)
    if (open === undefined) {
      open = { start, ts: timestamp, seq: this.#seq++, agg: emptyMetrics() }
      car.windows.push(open)
      if (start + this.#sizeMs < this.#nextEnd) this.#nextEnd = start + this.#sizeMs
    } else if (timestamp > open.ts) open.ts = timestamp
    // in place: the window's aggregate belongs to this processor until the window closes
    addSampleInPlace(open.agg, value)
    // synchronous unless a store evicts or a window closes
    const window = this.#store.put(key, { value: open.agg, timestamp: open.ts }, start)
    if (window !== WRITTEN) return this.#afterWindow(window, key, car, closeTime)
    return this.#afterPut(this.#pending.put(key, car), closeTime)
  }

  async #afterWindow(window: Promise<void>, key: string, car: PendingWindows, closeTime: number): Promise<void> {
    await window
    await this.#afterPut(this.#pending.put(key, car), closeTime)
  }

  #afterPut(pending: Promise<void>, closeTime: number): Promise<void> | undefined {
    if (pending !== WRITTEN) return pending.then(() => this.#closeUntil(closeTime))
    return this.#closeUntil(closeTime)
  }

  #closeUntil(closeTime: number): Promise<void> | undefined {
    return this.#nextEnd <= closeTime ? this.#forwardClosed(closeTime) : undefined
  }

  async #forwardClosed(closeTime: number): Promise<void> {
    const closed: Array<{ key: string; w: OpenWindow }> = []
    let nextEnd = Number.POSITIVE_INFINITY
    for (const [key, car] of this.#cars) {
      let changed = false
      for (let i = car.windows.length - 1; i >= 0; i--) {
        const w = car.windows[i]!
        const end = w.start + this.#sizeMs
        if (end > closeTime) {
          if (end < nextEnd) nextEnd = end
          continue
        }
        closed.push({ key, w })
        car.windows.splice(i, 1)
        changed = true
      }
      if (!changed) continue
      if (car.windows.length > 0) await this.#pending.put(key, car)
      else {
        this.#cars.delete(key)
        await this.#pending.put(key, null)
      }
    }
    this.#nextEnd = nextEnd
    closed.sort((a, b) => a.w.start - b.w.start || a.w.seq - b.w.seq)
    for (const { key, w } of closed) {
      const window = { start: w.start, end: w.start + this.#sizeMs }
      await this.#ctx.forward({ key, value: { window, agg: w.agg }, timestamp: w.ts, headers: {} })
    }
  }
}
