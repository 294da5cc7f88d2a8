/**
 * @module
 * Runs one scenario: a fresh pipeline, its workers, a warm-up, the load, the scenario itself, the
 * load stopped, the verifiers, teardown.
 */
import type { TopologyName } from '../workload/reference.ts'
import type { ClusterTarget } from '../workload/topics.ts'
import { ChaosPipeline } from './pipeline.ts'
import type { ChaosProfile } from './profiles.ts'
import type { ChaosContext, Scenario, ScenarioOutcome } from './scenario.ts'
import type { Verification } from './verify/verify-pipeline.ts'
import { verifyPipeline } from './verify/verify-pipeline.ts'

/** Everything the report needs about one scenario run. */
export interface ScenarioReport {
  readonly name: string
  readonly description: string
  readonly topology: TopologyName
  readonly cyclesAsked: number
  readonly outcome?: ScenarioOutcome
  readonly verification?: Verification
  readonly unexpectedExits: number
  readonly ms: number
  readonly error?: string
  readonly passed: boolean
}

/** A seeded random source (mulberry32), so a chaos run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * Runs `scenario` against `target` and verifies the result.
 *
 * @example
 * ```ts
 * const report = await runScenario(target, workerKill, profile, 't2', restart, console.log)
 * ```
 */
export async function runScenario(
  target: ClusterTarget,
  scenario: Scenario,
  profile: ChaosProfile,
  topology: TopologyName,
  restartBroker: () => Promise<void>,
  log: (line: string) => void,
): Promise<ScenarioReport> {
  const began = Date.now()
  const cycles = profile.cycles[scenario.name] ?? profile.defaultCycles
  const id = `chaos-${scenario.name}-${Date.now().toString(36)}`
  const pipeline = new ChaosPipeline(target, id, topology, profile.guarantee, log)
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
  const ctx: ChaosContext = { pipeline, cycles, random: seededRandom(profile.seed), log, restartBroker, sleep }
  const base = { name: scenario.name, description: scenario.description, topology, cyclesAsked: cycles }
  try {
    await pipeline.setup()
    await pipeline.scaleTo(scenario.workers ?? 2)
    await sleep(6000)
    pipeline.startLoad(profile.rate)
    const outcome = await scenario.run(ctx)
    const sent = await pipeline.stopLoad()
    log(`  load stopped after ${sent} reference records; verifying`)
    const verification = await verifyPipeline(pipeline, log)
    const failures = [...outcome.failures, ...verification.failures]
    for (const f of failures) log(`  FAIL ${f}`)
    if (failures.length > 0) log(`  worker logs: ${pipeline.workerLog}`)
    return {
      ...base,
      outcome,
      verification,
      unexpectedExits: pipeline.unexpectedExits.length,
      ms: Date.now() - began,
      passed: failures.length === 0,
    }
  } catch (error) {
    log(`  scenario error: ${error instanceof Error ? error.message : String(error)}`)
    return {
      ...base,
      unexpectedExits: pipeline.unexpectedExits.length,
      ms: Date.now() - began,
      error: error instanceof Error ? error.message : String(error),
      passed: false,
    }
  } finally {
    await pipeline.teardown()
  }
}
