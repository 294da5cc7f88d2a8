/**
 * @module
 * The mutable state of one simulated car: motion, pedals, gearbox, energy, temperatures, tyres,
 * strategy, lap timing and emission counters. One plain object per car keeps the 100 Hz physics
 * loop free of allocation.
 */
import type { Entrant } from './drivers.ts'
import type { Rng } from './prng.ts'
import type { CarPerformance } from './speed-profile.ts'

/** A tyre compound of the simulator. */
export type Compound = 'soft' | 'medium' | 'hard'

/** What the car is doing, as the system channel reports it. */
export type CarStatus = 'on-track' | 'pit-lane' | 'retired' | 'garage'

/** Per-car, pre-computed speed profiles (m/s per metre) for each track condition. */
export interface CarProfiles {
  readonly green: Float64Array
  readonly drs: Float64Array
  readonly sc: Float64Array
  readonly vsc: Float64Array
}

/** The state of one car; see the module comment. */
export interface CarState {
  readonly index: number
  readonly entrant: Entrant
  readonly key: string
  readonly perf: CarPerformance
  readonly profiles: CarProfiles
  /** Sensor noise and per-lap pace variation. */
  readonly rng: Rng
  /** Lap the car is on (1-based) and metres from the line. */
  lap: number
  s: number
  v: number
  accel: number
  curvature: number
  throttle: number
  brake: number
  gear: number
  rpm: number
  /** Pace multiplier of the current lap (driver form, tyres, fuel). */
  pace: number
  drsEligible: boolean
  drsOpen: boolean
  ersStore: number
  ersDeploy: number
  ersHarvest: number
  lapDeployed: number
  fuel: number
  load: number
  waterTemp: number
  oilTemp: number
  engineTemp: number
  readonly surfaceTemp: Float64Array
  readonly innerTemp: Float64Array
  readonly brakeTemp: Float64Array
  readonly wear: Float64Array
  compound: Compound
  tyreAgeLaps: number
  status: CarStatus
  /** Laps at the end of which the car pits, and the compounds it fits. */
  readonly pitLaps: number[]
  readonly pitCompounds: Compound[]
  pitting: boolean
  pitOutLap: boolean
  stoppedUntil: number
  /** Lap and distance where the car retires, when it does. */
  retireLap: number
  retireAt: number
  retiring: boolean
  finished: boolean
  lapStartMs: number
  sectorStartMs: number
  readonly sectorMs: [number, number, number]
  i1Speed: number | null
  i2Speed: number | null
  trapSpeed: number | null
  pitInLap: boolean
  /** Per-channel sequence numbers (position, dynamics, power-unit, tyres, aero, system). */
  readonly seq: Int32Array
  flag: 'green' | 'yellow' | 'double-yellow' | 'chequered'
  /** The last system sample's state and flag, to emit on change only. */
  lastSystem: string
}

/** Creates a car on the grid: `gridOffset` metres behind the line, on lap 1, standing still. */
export function createCar(
  index: number,
  entrant: Entrant,
  key: string,
  perf: CarPerformance,
  profiles: CarProfiles,
  rng: Rng,
  options: { trackLength: number; gridOffset: number; fuel: number; compound: Compound },
): CarState {
  return {
    index,
    entrant,
    key,
    perf,
    profiles,
    rng,
    lap: 1,
    s: options.trackLength - options.gridOffset,
    v: 0,
    accel: 0,
    curvature: 0,
    throttle: 0,
    brake: 0,
    gear: 0,
    rpm: 0,
    pace: 1,
    drsEligible: false,
    drsOpen: false,
    ersStore: 4e6 * 0.9,
    ersDeploy: 0,
    ersHarvest: 0,
    lapDeployed: 0,
    fuel: options.fuel,
    load: 0.5,
    waterTemp: 92,
    oilTemp: 102,
    engineTemp: 112,
    surfaceTemp: new Float64Array([85, 85, 82, 82]),
    innerTemp: new Float64Array([88, 88, 86, 86]),
    brakeTemp: new Float64Array([380, 380, 320, 320]),
    wear: new Float64Array(4),
    compound: options.compound,
    tyreAgeLaps: 0,
    status: 'on-track',
    pitLaps: [],
    pitCompounds: [],
    pitting: false,
    pitOutLap: false,
    stoppedUntil: 0,
    retireLap: 0,
    retireAt: 0,
    retiring: false,
    finished: false,
    lapStartMs: 0,
    sectorStartMs: 0,
    sectorMs: [0, 0, 0],
    i1Speed: null,
    i2Speed: null,
    trapSpeed: null,
    pitInLap: false,
    seq: new Int32Array(6),
    flag: 'green',
    lastSystem: '',
  }
}
