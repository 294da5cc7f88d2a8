/**
 * @module
 * The plug-in point of the chaos suite: a scenario is `{ name, description, run(ctx) }`, registered
 * in scenarios/index.ts. Each run gets a fresh pipeline under load (a {@link ChaosContext}), does its
 * damage, and returns what it did; the suite then stops the load and runs the verifiers. Later
 * scenarios (an S3 outage during archiving, HTTP fuzzing against the OpenAPI spec) are new modules
 * in the same registry, with their own context needs added to ChaosContext.
 */
import type { ChaosPipeline } from './pipeline.ts'

/** What a scenario may use. */
export interface ChaosContext {
  readonly pipeline: ChaosPipeline
  /** Cycles asked for this scenario (`--cycles` or the profile's). */
  readonly cycles: number
  /** Deterministic randomness for the run (`--seed`). */
  readonly random: () => number
  readonly log: (line: string) => void
  /** Hard-restarts the broker (kill -9, start again); resolves when it answers again. */
  readonly restartBroker: () => Promise<void>
  /** Waits `ms` milliseconds. */
  readonly sleep: (ms: number) => Promise<void>
}

/** What a scenario reports about itself. */
export interface ScenarioOutcome {
  /** Cycles actually done (kills, restarts, scale steps...). */
  readonly cycles: number
  /** Notes: anything unexpected that is not a verifier failure. */
  readonly findings: string[]
  /** Extra expectations a scenario checks itself (e.g. fuzz: every bad record quarantined). */
  readonly failures: string[]
}

/**
 * A chaos scenario.
 *
 * @example
 * ```ts
 * export const noop: Scenario = { name: 'noop', description: 'does nothing', run: async () => ({ cycles: 0, findings: [], failures: [] }) }
 * ```
 */
export interface Scenario {
  readonly name: string
  readonly description: string
  /** Workers the pipeline starts with. */
  readonly workers?: number
  run(ctx: ChaosContext): Promise<ScenarioOutcome>
}
