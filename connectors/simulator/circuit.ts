/**
 * @module
 * The default circuit: a simplified Silverstone (clockwise, about 6 km) as a list of straights and
 * constant-radius corners, with three sectors, DRS zones, a speed trap and a pit lane beside the
 * main straight. Distances are metres from the timing line.
 */

/** A straight of `length` metres or a constant-radius corner turning `angle` degrees (left positive). */
export type Segment =
  | { readonly kind: 'straight'; readonly length: number; readonly name?: string }
  | { readonly kind: 'corner'; readonly angle: number; readonly radius: number; readonly name: string }

/** A track as data: the segments plus where things are, as fractions of the lap or metres. */
export interface CircuitDefinition {
  readonly name: string
  readonly shortName: string
  readonly country: string
  readonly segments: readonly Segment[]
  /** Sector 1 and 2 end points as fractions of the lap (sector 3 ends at the line). */
  readonly sectorEnds: readonly [number, number]
  /** DRS zones: a named straight and the [from, to] fractions of it the zone covers. */
  readonly drsZones: readonly { readonly straight: string; readonly from: number; readonly to: number }[]
  /** Speed trap: a named straight and the fraction of it where the trap sits. */
  readonly speedTrap: { readonly straight: string; readonly at: number }
  /** Pit lane entry (metres before the line), box (metres before the line) and exit (metres after). */
  readonly pit: { readonly entryBeforeLine: number; readonly boxBeforeLine: number; readonly exitAfterLine: number }
  readonly pitSpeedLimitKmh: number
}

const s = (length: number, name?: string): Segment => ({ kind: 'straight', length, ...(name ? { name } : {}) })
const c = (name: string, angle: number, radius: number): Segment => ({ kind: 'corner', angle, radius, name })

/**
 * Simplified Silverstone: the timing line sits on the Hamilton straight before Abbey.
 *
 * @example
 * ```ts
 * const track = buildTrack(SILVERSTONE)
 * track.length // ≈ 6000 metres
 * ```
 */
export const SILVERSTONE: CircuitDefinition = {
  name: 'Silverstone (simplified)',
  shortName: 'Silverstone',
  country: 'Great Britain',
  segments: [
    s(200, 'Hamilton straight'),
    c('Abbey', -80, 180),
    s(120),
    c('Farm', 30, 250),
    s(150),
    c('Village', -90, 35),
    s(60),
    c('The Loop', 150, 25),
    s(200),
    c('Aintree', 40, 120),
    s(600, 'Wellington straight'),
    c('Brooklands', 90, 45),
    s(80),
    c('Luffield', -180, 40),
    s(250),
    c('Woodcote', -30, 300),
    s(300, 'National straight'),
    c('Copse', -110, 110),
    s(350),
    c('Maggotts', 40, 150),
    c('Becketts', -60, 70),
    c('Becketts II', 50, 70),
    c('Chapel', -40, 150),
    s(800, 'Hangar straight'),
    c('Stowe', -110, 90),
    s(250),
    c('Vale', 60, 30),
    c('Club', -120, 35),
    s(450, 'Hamilton straight'),
  ],
  sectorEnds: [0.31, 0.67],
  drsZones: [
    { straight: 'Wellington straight', from: 0.15, to: 1 },
    { straight: 'Hangar straight', from: 0.3, to: 1 },
  ],
  speedTrap: { straight: 'Hangar straight', at: 0.85 },
  pit: { entryBeforeLine: 400, boxBeforeLine: 100, exitAfterLine: 200 },
  pitSpeedLimitKmh: 80,
}
