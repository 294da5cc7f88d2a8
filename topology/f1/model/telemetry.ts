/**
 * @module
 * Raw telemetry samples by channel, as a modern car sends them: one strict schema per channel and
 * a discriminated union on `channel`. Units are normalized (see README.md): km/h, °C, psi, J, kW,
 * pedals 0..1. Ranges are physical plausibility bounds, so an out-of-range value fails validation
 * with the field's path and ends in quarantine.
 */
import { z } from 'zod'
import { envelopeShape } from './envelope.ts'

const common = {
  ...envelopeShape,
  /** Lap the car is on, when the source knows it. */
  lap: z.int().min(0).max(999).optional(),
  /** Per-car, per-channel sequence number when the source has one (gaps show dropped samples). */
  sequence: z.int().min(0).optional(),
}

const celsius = () => z.number().min(-50).max(2000)
const unit = () => z.number().min(0).max(1)

/** Position, ~10 Hz: x/y/z in metres on the circuit, speed in km/h, heading in degrees [0, 360). */
export const positionSampleSchema = z.strictObject({
  ...common,
  channel: z.literal('position'),
  x: z.number().min(-100_000).max(100_000),
  y: z.number().min(-100_000).max(100_000),
  z: z.number().min(-100_000).max(100_000),
  speed: z.number().min(0).max(500).optional(),
  heading: z.number().min(0).lt(360).optional(),
})

/** Dynamics, ~20 Hz: speed km/h, pedals 0..1, gear -1..8 (0 neutral), steering -1..1, g-forces in g. */
export const dynamicsSampleSchema = z.strictObject({
  ...common,
  channel: z.literal('dynamics'),
  speed: z.number().min(0).max(500),
  throttle: unit(),
  brake: unit(),
  gear: z.int().min(-1).max(8),
  steering: z.number().min(-1).max(1).optional(),
  gLat: z.number().min(-10).max(10).optional(),
  gLong: z.number().min(-10).max(10).optional(),
  gVert: z.number().min(-10).max(10).optional(),
})

/** Power unit, ~50 Hz: RPM, ERS store J, deploy/harvest kW, temperatures °C, fuel kg. */
export const powerUnitSampleSchema = z.strictObject({
  ...common,
  channel: z.literal('power-unit'),
  rpm: z.number().min(0).max(20_000),
  ersStore: z.number().min(0).max(10_000_000).optional(),
  ersDeploy: z.number().min(0).max(1_000).optional(),
  ersHarvest: z.number().min(0).max(1_000).optional(),
  engineTemp: celsius().optional(),
  oilTemp: celsius().optional(),
  waterTemp: celsius().optional(),
  fuel: z.number().min(0).max(200).optional(),
})

/** The four corners, in the order FL, FR, RL, RR. */
export const corners = ['FL', 'FR', 'RL', 'RR'] as const
/** A wheel position. */
export type Corner = (typeof corners)[number]

/** One corner: pressure psi, temperatures °C, wear % (0 new, 100 gone), brake disc temperature °C. */
export const cornerSchema = z.strictObject({
  pressure: z.number().min(0).max(100),
  surfaceTemp: celsius(),
  innerTemp: celsius(),
  wear: z.number().min(0).max(100).optional(),
  brakeTemp: celsius().optional(),
})
/** One corner of a tyres sample. */
export type CornerReading = z.infer<typeof cornerSchema>

/** Tyres, ~5 Hz: all four corners at once, plus compound and age when known. */
export const tyresSampleSchema = z.strictObject({
  ...common,
  channel: z.literal('tyres'),
  FL: cornerSchema,
  FR: cornerSchema,
  RL: cornerSchema,
  RR: cornerSchema,
  compound: z.enum(['soft', 'medium', 'hard', 'intermediate', 'wet', 'unknown']).optional(),
  ageLaps: z.int().min(0).max(200).optional(),
})

/** Aero, ~10 Hz: DRS open, wing angles in degrees, brake balance as % to the front. */
export const aeroSampleSchema = z.strictObject({
  ...common,
  channel: z.literal('aero'),
  drsOpen: z.boolean(),
  frontWingAngle: z.number().min(-90).max(90).optional(),
  rearWingAngle: z.number().min(-90).max(90).optional(),
  brakeBalance: z.number().min(0).max(100).optional(),
})

/** A flag shown to the car (on the dash) or by race control. */
export const flagSchema = z.enum([
  'none',
  'green',
  'yellow',
  'double-yellow',
  'blue',
  'red',
  'chequered',
  'black-white',
  'black',
])
/** A flag. */
export type Flag = z.infer<typeof flagSchema>

/** System, on change: active error and warning codes, the flag on the dash, the car's state. */
export const systemSampleSchema = z.strictObject({
  ...common,
  channel: z.literal('system'),
  errors: z.array(z.string().min(1).max(64)).max(64),
  warnings: z.array(z.string().min(1).max(64)).max(64),
  flag: flagSchema.optional(),
  state: z.enum(['garage', 'pit-lane', 'on-track', 'retired']).optional(),
})

/**
 * A raw telemetry sample of any channel.
 *
 * @example
 * ```ts
 * telemetrySampleSchema.parse({ channel: 'dynamics', sessionKey: '9158', carNumber: 44, timestamp: 0,
 *   source: 'simulator', speed: 301, throttle: 1, brake: 0, gear: 8 })
 * ```
 */
export const telemetrySampleSchema = z.discriminatedUnion('channel', [
  positionSampleSchema,
  dynamicsSampleSchema,
  powerUnitSampleSchema,
  tyresSampleSchema,
  aeroSampleSchema,
  systemSampleSchema,
])

/** A raw telemetry sample of any channel. */
export type TelemetrySample = z.infer<typeof telemetrySampleSchema>
/** The channel names. */
export type Channel = TelemetrySample['channel']
/** The sample of one channel, e.g. `SampleOf<'dynamics'>`. */
export type SampleOf<C extends Channel> = Extract<TelemetrySample, { channel: C }>

/** Every channel with its nominal rate in Hz (0 = on change). */
export const channelRates: Readonly<Record<Channel, number>> = {
  position: 10,
  dynamics: 20,
  'power-unit': 50,
  tyres: 5,
  aero: 10,
  system: 0,
}
