/**
 * @module
 * Where a car is in its race, from its latest completed lap: the lap in progress, when it began,
 * and the sector boundaries estimated from the previous lap's sector times; and the tagging of a
 * sample with its lap and sector.
 */
import type { Lap, TelemetrySample } from '../model/index.ts'

/** The lap-table value the samples are joined with. */
export interface LapPosition {
  /** The lap in progress (the latest completed lap + 1). */
  readonly lap: number
  /** When the lap in progress began (epoch ms), if known. */
  readonly lapStart: number | null
  /** Sector 1 and 1+2 end offsets from the lap start, estimated from the previous lap. */
  readonly sectorEnds: readonly [number, number] | null
}

/** A clean sample tagged with its lap and sector (1..3, or null when unknown). */
export type TaggedSample = TelemetrySample & { readonly lap: number; readonly sector: number | null }

/**
 * The position after a completed lap.
 *
 * @example
 * ```ts
 * positionAfter(lap) // { lap: lap.lapNumber + 1, lapStart: lap.lapStart + lap.lapDuration, ... }
 * ```
 */
export function positionAfter(lap: Lap): LapPosition {
  const lapStart = lap.lapStart !== null && lap.lapDuration !== null ? lap.lapStart + lap.lapDuration : null
  const sectorEnds: [number, number] | null =
    lap.sector1 !== null && lap.sector2 !== null ? [lap.sector1, lap.sector1 + lap.sector2] : null
  return { lap: lap.lapNumber + 1, lapStart, sectorEnds }
}

/**
 * Tags a sample: the lap from the lap table (the sample's own `lap`, or 1, before the first lap
 * completes), the sector from the time into the lap.
 *
 * @example
 * ```ts
 * tagSample(sample, position).sector // 2
 * ```
 */
export function tagSample(sample: TelemetrySample, position: LapPosition | null): TaggedSample {
  if (position === null) return { ...sample, lap: sample.lap ?? 1, sector: null }
  let sector: number | null = null
  if (position.lapStart !== null && position.sectorEnds !== null) {
    const into = sample.timestamp - position.lapStart
    sector = into < position.sectorEnds[0] ? 1 : into < position.sectorEnds[1] ? 2 : 3
  }
  return { ...sample, lap: position.lap, sector }
}

/**
 * {@link tagSample} without a copy: sets `lap` and `sector` on the sample itself (the same members
 * in the same order as the copy). For the lap tagger, which owns the sample by then: it was
 * parsed for this record alone and its clean bytes are already written.
 *
 * @example
 * ```ts
 * tagSampleInPlace(sample, position).sector // 2, and sample.sector === 2
 * ```
 */
export function tagSampleInPlace(sample: TelemetrySample, position: LapPosition | null): TaggedSample {
  const tagged = sample as { lap?: number; sector?: number | null }
  if (position === null) {
    tagged.lap = sample.lap ?? 1
    tagged.sector = null
    return sample as TaggedSample
  }
  let sector: number | null = null
  if (position.lapStart !== null && position.sectorEnds !== null) {
    const into = sample.timestamp - position.lapStart
    sector = into < position.sectorEnds[0] ? 1 : into < position.sectorEnds[1] ? 2 : 3
  }
  tagged.lap = position.lap
  tagged.sector = sector
  return sample as TaggedSample
}
