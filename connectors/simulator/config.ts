/**
 * @module
 * The simulator's options, validated at the boundary (unknown keys rejected) with defaults: a
 * 20-car, 55-lap race from seed 1, three anomalies of each type, two retirements, safety cars and
 * pit stops on, as fast as possible.
 */
import { z } from 'zod'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/** The options schema. */
export const simulatorConfigSchema = z.strictObject({
  seed: z.int().min(0).max(0xffffffff).default(1),
  cars: z.int().min(1).max(99).default(20),
  laps: z.int().min(1).max(200).default(55),
  sessionKey: z.string().min(1).max(64).optional(),
  /** Lights out, epoch ms. */
  startTime: z
    .int()
    .min(0)
    .default(Date.UTC(2025, 6, 6, 14, 0, 0)),
  anomaliesPerType: z.int().min(0).max(100).default(3),
  retirements: z.int().min(0).max(99).optional(),
  safetyCar: z.boolean().default(true),
  pitStops: z.boolean().default(true),
  mode: z.enum(['fast', 'realtime']).default('fast'),
  /** Real-time mode: simulated seconds per wall-clock second. */
  speedFactor: z.number().positive().max(1000).default(1),
  /** Simulated milliseconds per batch (a multiple of 10). */
  batchMs: z.int().min(10).max(60_000).multipleOf(10).default(1000),
})

/** Options as given (everything optional). */
export type SimulatorOptions = z.input<typeof simulatorConfigSchema>
/** Options with defaults applied. */
export type SimulatorConfig = z.output<typeof simulatorConfigSchema> & { sessionKey: string; retirements: number }

/**
 * Validates options and fills the defaults.
 *
 * @example
 * ```ts
 * parseSimulatorConfig({ cars: 5, laps: 3 }).seed // 1
 * ```
 */
export function parseSimulatorConfig(options: SimulatorOptions = {}): SimulatorConfig {
  const parsed = simulatorConfigSchema.safeParse(options)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const code = issue.code === 'unrecognized_keys' ? ErrorCodes.CONFIG_UNKNOWN_KEY : ErrorCodes.CONFIG_INVALID
    throw new PitwallError(code, `simulator config: ${issue.path.join('.') || '(root)'}: ${issue.message}`, {
      details: { issues: parsed.error.issues },
    })
  }
  const c = parsed.data
  const retirements = Math.min(c.retirements ?? Math.floor(c.cars / 10), Math.max(0, c.cars - 1))
  return { ...c, sessionKey: c.sessionKey ?? `sim-${c.seed}`, retirements }
}
