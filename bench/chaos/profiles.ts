/**
 * @module
 * Chaos profiles: `smoke` (a few minutes, CI) and `full` (at least 20 worker kills and 3 broker
 * restarts), and the command line that picks and overrides one.
 */
import { parseArgs } from 'node:util'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { Guarantee } from '../workload/reference.ts'

/** Everything a chaos run does. */
export interface ChaosProfile {
  readonly name: 'smoke' | 'full'
  /** Cycles per scenario name (scenarios not listed get `defaultCycles`). */
  readonly cycles: Readonly<Record<string, number>>
  readonly defaultCycles: number
  /** Input records/s of the load during every scenario. */
  readonly rate: number
  readonly guarantee: Guarantee
  readonly seed: number
  readonly only?: readonly string[]
  /** Client port of the chaos suite's own broker (it is killed, so never the shared one). */
  readonly brokerPort: number
}

/** The built-in profiles. */
export const CHAOS_PROFILES: Record<'smoke' | 'full', ChaosProfile> = {
  smoke: {
    name: 'smoke',
    cycles: { 'worker-kill': 2, 'broker-restart': 1, scale: 1, fuzz: 2 },
    defaultCycles: 1,
    rate: 1000,
    guarantee: 'exactly_once_v2',
    seed: 1,
    brokerPort: 19192,
  },
  full: {
    name: 'full',
    cycles: { 'worker-kill': 20, 'broker-restart': 3, scale: 3, fuzz: 10 },
    defaultCycles: 3,
    rate: 2000,
    guarantee: 'exactly_once_v2',
    seed: 1,
    brokerPort: 19192,
  },
}

/**
 * Reads `--profile`, `--cycles` (all scenarios), `--only`, `--rate`, `--seed`, `--guarantee` and
 * `--broker-port`.
 *
 * @example
 * ```ts
 * parseChaosProfile(['--profile', 'full', '--only', 'worker-kill']).cycles['worker-kill'] // 20
 * ```
 */
export function parseChaosProfile(argv: string[]): ChaosProfile {
  const { values } = parseArgs({
    args: argv,
    options: {
      profile: { type: 'string', default: 'smoke' },
      cycles: { type: 'string' },
      only: { type: 'string' },
      rate: { type: 'string' },
      seed: { type: 'string' },
      guarantee: { type: 'string' },
      'broker-port': { type: 'string' },
    },
    strict: true,
  })
  const base = CHAOS_PROFILES[values.profile as 'smoke' | 'full']
  if (!base) throw new PitwallError(ErrorCodes.CONFIG_INVALID, `chaos: --profile must be smoke or full`)
  const int = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined
    const n = Number(v)
    if (!Number.isInteger(n) || n < 0)
      throw new PitwallError(ErrorCodes.CONFIG_INVALID, `chaos: --${name} must be an integer >= 0`)
    return n
  }
  const guarantee = values.guarantee ?? base.guarantee
  if (guarantee !== 'exactly_once_v2' && guarantee !== 'at_least_once') {
    throw new PitwallError(ErrorCodes.CONFIG_INVALID, `chaos: --guarantee must be exactly_once_v2 or at_least_once`)
  }
  const cycles = int('cycles', values.cycles)
  return {
    ...base,
    cycles: cycles === undefined ? base.cycles : {},
    defaultCycles: cycles ?? base.defaultCycles,
    rate: int('rate', values.rate) ?? base.rate,
    seed: int('seed', values.seed) ?? base.seed,
    guarantee,
    brokerPort: int('broker-port', values['broker-port']) ?? base.brokerPort,
    ...(values.only ? { only: values.only.split(',') } : {}),
  }
}
