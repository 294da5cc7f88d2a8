/**
 * @module
 * Tags clean samples with their lap and sector: laps (f1.laps) update the car's position in the
 * `f1-lap-position` store, samples read it. This is the stream-table join of the DSL (a lap
 * table from f1.laps, samples joined to it on the shared `session:car` key), as one processor
 * that keeps each car's position as an object (the DSL join read the table, and parsed the
 * position's JSON, on every sample); the store is object-cached and changelogged as before, with
 * the same name and values.
 */
import type { KeyValueStore } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { Lap, TelemetrySample } from '../model/index.ts'
import { type LapPosition, positionAfter, type TaggedSample, tagSampleInPlace } from './lap-position.ts'
import { pendingOf } from './state-stores.ts'
import { F1Stores } from './store-names.ts'

/** What the tagger reads: clean samples and laps, merged (both keyed `session:car`). */
export type SampleOrLap = TelemetrySample | Lap

/**
 * The processor: forwards each sample tagged; a lap only moves the car's position.
 *
 * @example
 * ```ts
 * clean.merge(laps).process(() => new LapTagger(), F1Stores.lapPosition)
 * ```
 */
export class LapTagger implements Processor<string, SampleOrLap, string, TaggedSample> {
  readonly #positions = new Map<string, LapPosition | null>()
  #ctx!: ProcessorContext<string, TaggedSample>
  #store!: KeyValueStore<string, LapPosition>

  init(ctx: ProcessorContext<string, TaggedSample>): void {
    this.#ctx = ctx
    this.#store = ctx.getStateStore(F1Stores.lapPosition)
  }

  process(record: Record<string, SampleOrLap>): Promise<void> | undefined {
    const { key, value } = record
    if (key === null || key === undefined || value === null || value === undefined) {
      this.#ctx.recordMetric('dropped-records')
      return undefined
    }
    if (!('channel' in value)) {
      const position = positionAfter(value)
      this.#positions.set(key, position)
      return pendingOf(this.#store.put(key, position))
    }
    const position = this.#positions.get(key)
    // the usual case: the car's position is known, and forwarding stays synchronous
    if (position !== undefined) return this.#forward(key, value, position, record)
    return this.#store.get(key).then((stored) => {
      const known = stored ?? null
      this.#positions.set(key, known)
      return this.#forward(key, value, known, record)
    })
  }

  #forward(
    key: string,
    sample: TelemetrySample,
    position: LapPosition | null,
    record: Record<string, SampleOrLap>,
  ): Promise<void> {
    // tagged in place: the sample was parsed for this record, and every reader before this
    // processor (the clean topic's bytes, the validation counts) has finished with it
    const value = tagSampleInPlace(sample, position)
    // the runtime's settled promise when the children finished synchronously
    return this.#ctx.forward({ key, value, timestamp: record.timestamp, headers: record.headers })
  }
}
