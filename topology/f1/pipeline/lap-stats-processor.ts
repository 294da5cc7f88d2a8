/**
 * @module
 * Builds the gold lap table: per `session:car`, accumulates tagged samples by lap (state in
 * `f1-lap-accumulator`); when the lap record arrives, writes the lap's stats to `f1-lap-stats`
 * under `session:car:lap` and forwards them keyed by car. Both stores are changelogged, and written
 * on every record (the car's accumulators change in place and are put again after every change, as
 * the store's object cache shares them), so a restore under exactly-once matches the committed input.
 */
import type { KeyValueStore } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { Lap } from '../model/index.ts'
import type { F1Config } from './config.ts'
import type { TaggedSample } from './lap-position.ts'
import { accumulateInPlace, emptyLap, type LapAccumulator, type LapStats, lapStats } from './lap-stats.ts'
import { pendingOf } from './state-stores.ts'
import { F1Stores } from './store-names.ts'

/** A sample of a lap or the lap's record (told apart by `channel`, which only samples have). */
export type LapEvent = TaggedSample | Lap

/** Accumulators of a car's laps in progress, by lap number. */
export type CarLaps = { [lap: string]: LapAccumulator }

/**
 * The processor.
 *
 * @example
 * ```ts
 * events.process(() => new LapStatsProcessor(config), F1Stores.lapAccumulator, F1Stores.lapStats)
 * ```
 */
export class LapStatsProcessor implements Processor<string, LapEvent, string, LapStats> {
  readonly #config: F1Config
  readonly #cache = new Map<string, CarLaps>()
  #ctx!: ProcessorContext<string, LapStats>
  #acc!: KeyValueStore<string, CarLaps>
  #stats!: KeyValueStore<string, LapStats>

  constructor(config: F1Config) {
    this.#config = config
  }

  init(ctx: ProcessorContext<string, LapStats>): void {
    this.#ctx = ctx
    this.#acc = ctx.getStateStore<KeyValueStore<string, CarLaps>>(F1Stores.lapAccumulator)
    this.#stats = ctx.getStateStore<KeyValueStore<string, LapStats>>(F1Stores.lapStats)
  }

  process(record: Record<string, LapEvent>): Promise<void> | undefined {
    const event = record.value
    if (event === null || event === undefined) return undefined
    const laps = this.#cache.get(record.key)
    // the usual case: the car's accumulators are held, and a sample stays synchronous
    if (laps !== undefined && 'channel' in event) return this.#addSample(record.key, laps, event)
    return this.#process(record, event, laps)
  }

  #addSample(key: string, laps: CarLaps, sample: TaggedSample): Promise<void> | undefined {
    const n = String(sample.lap)
    // in place: a lap in progress belongs to this processor (and is put again below)
    laps[n] = accumulateInPlace(laps[n] ?? emptyLap(), sample, this.#config)
    return pendingOf(this.#acc.put(key, laps))
  }

  async #process(record: Record<string, LapEvent>, event: LapEvent, held: CarLaps | undefined): Promise<void> {
    let laps = held
    if (laps === undefined) {
      laps = (await this.#acc.get(record.key)) ?? {}
      this.#cache.set(record.key, laps)
    }
    if ('channel' in event) {
      await this.#addSample(record.key, laps, event)
      return
    }
    const lap = event
    const stats = lapStats(lap, laps[String(lap.lapNumber)] ?? emptyLap())
    for (const n of Object.keys(laps)) if (Number(n) <= lap.lapNumber) delete laps[n]
    await this.#acc.put(record.key, laps)
    await this.#stats.put(`${record.key}:${lap.lapNumber}`, stats)
    await this.#ctx.forward({ key: record.key, value: stats, timestamp: record.timestamp, headers: {} })
  }
}
