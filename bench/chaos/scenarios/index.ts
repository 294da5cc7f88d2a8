/**
 * @module
 * The scenario registry: every scenario the chaos suite knows, in the order it runs them. A new
 * scenario (an S3 outage during archiving, HTTP fuzzing against the OpenAPI spec) is a module
 * exporting a {@link Scenario} and one line here.
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { Scenario } from '../scenario.ts'
import { brokerRestart } from './broker-restart.ts'
import { fuzz } from './fuzz.ts'
import { scale } from './scale.ts'
import { workerKill } from './worker-kill.ts'

/** All registered scenarios. */
export const SCENARIOS: readonly Scenario[] = [workerKill, brokerRestart, scale, fuzz]

/**
 * The scenarios named in `names` (all when undefined).
 *
 * @example
 * ```ts
 * selectScenarios(['worker-kill']).map((s) => s.name) // ['worker-kill']
 * ```
 */
export function selectScenarios(names?: readonly string[]): Scenario[] {
  if (!names) return [...SCENARIOS]
  return names.map((n) => {
    const s = SCENARIOS.find((x) => x.name === n)
    if (!s) {
      const known = SCENARIOS.map((x) => x.name).join(', ')
      throw new PitwallError(ErrorCodes.CONFIG_INVALID, `chaos: unknown scenario '${n}' (known: ${known})`)
    }
    return s
  })
}
