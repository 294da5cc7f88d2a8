/**
 * @module
 * One completed (or in-progress) lap of one car, with at least the columns of OpenF1's laps:
 * durations in ms, speed trap in km/h, lap start in epoch ms. Unknown values are `null`, never
 * missing, so every lap record has the same columns.
 */
import { z } from 'zod'
import { envelopeShape, timestampSchema } from './envelope.ts'

const duration = () => z.number().min(0).max(86_400_000).nullable()
const speed = () => z.number().min(0).max(500).nullable()

/**
 * A lap of one car.
 *
 * @example
 * ```ts
 * lapSchema.parse({ sessionKey: '9158', carNumber: 1, timestamp: 1, source: 'openf1', lapNumber: 3,
 *   lapStart: 0, lapDuration: 91_743, sector1: 30_100, sector2: 33_000, sector3: 28_643, speedTrap: 312,
 *   i1Speed: null, i2Speed: null, position: 1, pitIn: false, pitOut: false })
 * ```
 */
export const lapSchema = z.strictObject({
  ...envelopeShape,
  lapNumber: z.int().min(0).max(999),
  /** When the lap started, epoch ms. */
  lapStart: timestampSchema.nullable(),
  lapDuration: duration(),
  sector1: duration(),
  sector2: duration(),
  sector3: duration(),
  /** Speed at the speed trap, km/h. */
  speedTrap: speed(),
  /** Speed at the first and second intermediate, km/h. */
  i1Speed: speed(),
  i2Speed: speed(),
  /** Race position at the end of the lap. */
  position: z.int().min(1).max(99).nullable(),
  /** The car entered the pit lane on this lap. */
  pitIn: z.boolean(),
  /** The lap started in the pit lane. */
  pitOut: z.boolean(),
  /** The lap was deleted (track limits) when the source says so. */
  invalid: z.boolean().optional(),
  /** Tyre compound and tyre age (laps) on this lap, when known. */
  compound: z.enum(['soft', 'medium', 'hard', 'intermediate', 'wet', 'unknown']).nullable().optional(),
  tyreAge: z.int().min(0).max(200).nullable().optional(),
  /** Gap to the leader and to the car ahead at the end of the lap, seconds (null when lapped). */
  gapToLeader: z.number().min(0).max(100_000).nullable().optional(),
  interval: z.number().min(0).max(100_000).nullable().optional(),
})

/** A lap of one car. */
export type Lap = z.infer<typeof lapSchema>
