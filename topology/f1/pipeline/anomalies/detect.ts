/**
 * @module
 * Runs every detector that reads a sample's channel, in a fixed order, on the car's state.
 */
import type { TelemetrySample } from '../../model/index.ts'
import type { DetectorContext } from './detector-context.ts'
import { detectErsFault } from './ers-fault.ts'
import { detectGearInconsistency } from './gear-inconsistency.ts'
import { detectCornerOverheating, detectEngineOverheating } from './overheating.ts'
import { detectRpmDrop } from './rpm-drop.ts'
import { sampleArrived } from './sensor-dropout.ts'
import { detectStuckPowerUnit, detectStuckTyres } from './stuck-sensor.ts'
import { detectTyrePressureLoss } from './tyre-pressure-loss.ts'

/**
 * Applies one sample to the car's state; anomalies go to `ctx.emit`.
 *
 * @example
 * ```ts
 * detectSample(ctx, sample)
 * ```
 */
export function detectSample(ctx: DetectorContext, s: TelemetrySample): void {
  const car = ctx.car
  if (s.lap !== undefined) car.lap = s.lap
  sampleArrived(ctx, s.channel, s.timestamp)
  if (s.timestamp > car.lastAny) car.lastAny = s.timestamp
  switch (s.channel) {
    case 'dynamics':
      car.dynamics = { t: s.timestamp, speed: s.speed, gear: s.gear, brake: s.brake }
      detectGearInconsistency(ctx, s)
      return
    case 'power-unit':
      detectRpmDrop(ctx, s)
      detectEngineOverheating(ctx, s)
      detectErsFault(ctx, s)
      detectStuckPowerUnit(ctx, s)
      return
    case 'tyres':
      detectTyrePressureLoss(ctx, s)
      detectCornerOverheating(ctx, s)
      detectStuckTyres(ctx, s)
      return
    default:
      return
  }
}
