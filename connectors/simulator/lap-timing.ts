/**
 * @module
 * Timing lines: detects sector-boundary, speed-trap and finish-line crossings between two steps,
 * interpolates the crossing instant inside the step, and closes laps. Times are rounded to whole
 * milliseconds once, at the crossing, so a lap's duration is exactly the sum of its sectors.
 */
import type { CarState } from './car-state.ts'
import type { Track } from './track.ts'

/** A completed lap, before the race assigns the position. */
export interface LapResult {
  readonly lapNumber: number
  readonly lapStart: number
  readonly lapEnd: number
  readonly sectors: readonly [number, number, number]
  readonly speedTrap: number | null
  readonly i1Speed: number | null
  readonly i2Speed: number | null
  readonly pitIn: boolean
  readonly pitOut: boolean
}

/**
 * Checks the timing lines between `prevS` and the car's new distance; returns the completed lap
 * when the car crossed the finish line (and wraps the distance), otherwise `undefined`.
 *
 * @example
 * ```ts
 * const lap = crossTimingLines(car, track, prevS, prevV, t - 10, t)
 * ```
 */
export function crossTimingLines(
  car: CarState,
  track: Track,
  prevS: number,
  prevV: number,
  prevMs: number,
  nowMs: number,
): LapResult | undefined {
  const s = car.s
  if (s === prevS) return undefined
  const at = (line: number) => {
    const f = (line - prevS) / (s - prevS)
    return { ms: Math.round(prevMs + (nowMs - prevMs) * f), kmh: Math.round((prevV + (car.v - prevV) * f) * 36) / 10 }
  }
  const [e1, e2] = track.sectorEnds
  if (prevS < e1 && s >= e1) {
    const x = at(e1)
    car.sectorMs[0] = x.ms - car.sectorStartMs
    car.sectorStartMs = x.ms
    car.i1Speed = x.kmh
  }
  if (prevS < e2 && s >= e2) {
    const x = at(e2)
    car.sectorMs[1] = x.ms - car.sectorStartMs
    car.sectorStartMs = x.ms
    car.i2Speed = x.kmh
  }
  if (prevS < track.speedTrap && s >= track.speedTrap) car.trapSpeed = at(track.speedTrap).kmh
  if (s < track.length) return undefined
  const end = at(track.length).ms
  car.sectorMs[2] = end - car.sectorStartMs
  const lap: LapResult = {
    lapNumber: car.lap,
    lapStart: car.lapStartMs,
    lapEnd: end,
    sectors: [car.sectorMs[0], car.sectorMs[1], car.sectorMs[2]],
    speedTrap: car.trapSpeed,
    i1Speed: car.i1Speed,
    i2Speed: car.i2Speed,
    pitIn: car.pitInLap,
    pitOut: car.pitOutLap,
  }
  car.s -= track.length
  car.lap++
  car.lapStartMs = end
  car.sectorStartMs = end
  car.sectorMs.fill(0)
  car.i1Speed = null
  car.i2Speed = null
  car.trapSpeed = null
  return lap
}
