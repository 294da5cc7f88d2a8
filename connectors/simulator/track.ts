/**
 * @module
 * Turns a {@link CircuitDefinition} into a sampled track: per metre, the x/y/z position, heading,
 * curvature and cornering speed limit; plus sector boundaries, DRS zones, speed trap and pit lane in
 * metres. The plan view is integrated from the segments; the small closing error of a hand-made
 * layout is spread linearly over the lap so the loop closes.
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { CircuitDefinition } from './circuit.ts'

const G = 9.81
/** Mechanical lateral grip (in g) and its aero growth with speed squared: a_lat = g (MU0 + AERO v²). */
const MU0 = 2.2
const AERO = 4.5e-4
const V_CAP = 100

/** A sampled track; arrays are indexed by whole metres from the timing line. */
export interface Track {
  readonly name: string
  readonly length: number
  readonly x: Float64Array
  readonly y: Float64Array
  readonly z: Float64Array
  readonly heading: Float64Array
  /** Signed curvature (1/m, left positive). */
  readonly curvature: Float64Array
  /** Highest speed (m/s) the grip allows at each metre. */
  readonly cornerLimit: Float64Array
  /** Corner names by metre ('' on straights). */
  readonly cornerAt: readonly string[]
  /** Sector 1 and 2 end distances (sector 3 ends at `length`). */
  readonly sectorEnds: readonly [number, number]
  readonly drsZones: readonly (readonly [number, number])[]
  readonly speedTrap: number
  readonly pit: { readonly entry: number; readonly box: number; readonly exit: number; readonly limit: number }
}

/** The cornering speed (m/s) a radius allows with aero grip: v² = MU0 g R / (1 - AERO g R). */
export function cornerSpeed(radius: number): number {
  const denom = 1 - AERO * G * radius
  if (denom <= 0) return V_CAP
  return Math.min(V_CAP, Math.sqrt((MU0 * G * radius) / denom))
}

/**
 * Samples a circuit at one point per metre.
 *
 * @example
 * ```ts
 * const track = buildTrack(SILVERSTONE)
 * track.x[100], track.y[100] // where the car is 100 m after the line
 * ```
 */
export function buildTrack(def: CircuitDefinition): Track {
  const lengths = def.segments.map((seg) =>
    seg.kind === 'straight' ? seg.length : (Math.abs(seg.angle) * Math.PI * seg.radius) / 180,
  )
  const length = Math.round(lengths.reduce((a, b) => a + b, 0))
  if (!(length > 1000))
    throw new PitwallError(ErrorCodes.CONFIG_INVALID, `track '${def.name}': lap length ${length} m is too short`)
  const x = new Float64Array(length + 1)
  const y = new Float64Array(length + 1)
  const z = new Float64Array(length + 1)
  const heading = new Float64Array(length + 1)
  const curvature = new Float64Array(length + 1)
  const cornerLimit = new Float64Array(length + 1)
  const cornerAt: string[] = new Array(length + 1).fill('')
  const scale = length / lengths.reduce((a, b) => a + b, 0)
  let segIndex = 0
  let segStart = 0
  let px = 0
  let py = 0
  let h = 0
  for (let i = 0; i <= length; i++) {
    while (segIndex < def.segments.length - 1 && i >= segStart + lengths[segIndex]! * scale) {
      segStart += lengths[segIndex]! * scale
      segIndex++
    }
    const seg = def.segments[segIndex]!
    const k = seg.kind === 'corner' ? Math.sign(seg.angle) / seg.radius : 0
    curvature[i] = k
    cornerLimit[i] = seg.kind === 'corner' ? cornerSpeed(seg.radius) : V_CAP
    if (seg.kind === 'corner') cornerAt[i] = seg.name
    x[i] = px
    y[i] = py
    heading[i] = h
    z[i] = 6 * Math.sin((2 * Math.PI * i) / length) + 2 * Math.sin((6 * Math.PI * i) / length + 1)
    px += Math.cos(h + k / 2)
    py += Math.sin(h + k / 2)
    h += k
  }
  // close the loop: spread the end-point error linearly along the lap
  const ex = x[length]!
  const ey = y[length]!
  for (let i = 0; i <= length; i++) {
    x[i] = x[i]! - (ex * i) / length
    y[i] = y[i]! - (ey * i) / length
  }
  const at = (fraction: number) => Math.round(fraction * length)
  const onStraight = (name: string, fraction: number) => {
    const index = def.segments.findIndex((seg) => seg.kind === 'straight' && seg.name === name)
    if (index < 0) throw new PitwallError(ErrorCodes.CONFIG_INVALID, `track '${def.name}': no straight named '${name}'`)
    const start = lengths.slice(0, index).reduce((a, b) => a + b, 0) * scale
    return Math.round(start + fraction * lengths[index]! * scale)
  }
  return {
    name: def.name,
    length,
    x,
    y,
    z,
    heading,
    curvature,
    cornerLimit,
    cornerAt,
    sectorEnds: [at(def.sectorEnds[0]), at(def.sectorEnds[1])],
    drsZones: def.drsZones.map(
      (zone) => [onStraight(zone.straight, zone.from), onStraight(zone.straight, zone.to)] as const,
    ),
    speedTrap: onStraight(def.speedTrap.straight, def.speedTrap.at),
    pit: {
      entry: length - def.pit.entryBeforeLine,
      box: length - def.pit.boxBeforeLine,
      exit: def.pit.exitAfterLine,
      limit: def.pitSpeedLimitKmh / 3.6,
    },
  }
}

/** The sector (1, 2 or 3) of a distance along the lap. */
export function sectorOf(track: Track, distance: number): 1 | 2 | 3 {
  if (distance < track.sectorEnds[0]) return 1
  if (distance < track.sectorEnds[1]) return 2
  return 3
}
