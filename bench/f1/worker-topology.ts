/**
 * @module
 * The topology module the bench's F1 worker runs (`node topology/cli/worker.ts --topology
 * bench/f1/worker-topology.ts`): the production F1 topology (topology/f1/worker.ts, its
 * configuration from `PITWALL_F1_CONFIG`) on the run's own prefixed topics. The prefix comes from
 * `F1_BENCH_TOPIC_PREFIX` (not a `PITWALL_*` variable: the worker's configuration rejects unknown
 * ones).
 */
import type { PitwallConfig } from '../../core/config.ts'
import { namespaceTopics } from '../../scripts/f1/topic-namespace.ts'
import f1Topology from '../../topology/f1/worker.ts'
import type { RunnableTopology } from '../../topology/internals/runnable.ts'

/** The environment variable naming the topic prefix of a bench run. */
export const TOPIC_PREFIX_ENV = 'F1_BENCH_TOPIC_PREFIX'

/**
 * The F1 topology on `F1_BENCH_TOPIC_PREFIX`-prefixed topics.
 *
 * @example
 * ```ts
 * process.env.F1_BENCH_TOPIC_PREFIX = 'f1-bench-1.'
 * const runnable = benchF1Topology() // reads f1-bench-1.f1.telemetry.raw ...
 * ```
 */
export default function benchF1Topology(config?: PitwallConfig): RunnableTopology {
  return namespaceTopics(f1Topology(config).runnable(), process.env[TOPIC_PREFIX_ENV] ?? '')
}
