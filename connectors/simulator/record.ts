/**
 * @module
 * The record the simulator produces: topic, key, value and timestamp, ready for a producer.
 */
import type { Driver, Lap, RaceControl, Session, TelemetrySample } from '../../topology/f1/model/index.ts'

/** A record value of any of the simulator's topics. */
export type SimValue = TelemetrySample | Lap | Driver | Session | RaceControl

/**
 * One produced record. Per-car records are keyed `${sessionKey}:${carNumber}` (`keyOf`), sessions
 * and race control by session key.
 *
 * @example
 * ```ts
 * const r: SimRecord = { topic: 'f1.telemetry.raw', key: 'sim-1:44', value: sample, timestamp: sample.timestamp }
 * ```
 */
export interface SimRecord {
  readonly topic: string
  readonly key: string
  readonly value: SimValue
  readonly timestamp: number
}
