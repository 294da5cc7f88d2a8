/**
 * @module
 * Runs a topology on prefixed copies of its user topics: `namespaceTopics(runnable, 'it-7.')`
 * reads `it-7.f1.telemetry.raw` where the topology says `f1.telemetry.raw`, and writes its sinks
 * likewise. Internal topics keep the runtime's `<applicationId>-` names. Tests and scoring runs use
 * it to share one broker with the stack without seeing its data.
 */
import type { RunnableTopology, TaskContext } from '../../topology/internals/runnable.ts'

/**
 * The topology with every user topic (source or sink) renamed to `prefix + name`.
 *
 * @example
 * ```ts
 * const streams = new PitwallStreams(namespaceTopics(buildF1Topology().runnable(), 'it-7.'), options)
 * ```
 */
export function namespaceTopics(runnable: RunnableTopology, prefix: string): RunnableTopology {
  if (prefix === '') return runnable
  const internal = new Set(runnable.internalTopics.map((t) => t.name))
  const rename = (topic: string) => (internal.has(topic) ? topic : `${prefix}${topic}`)
  return {
    subtopologies: runnable.subtopologies.map((s) => ({
      ...s,
      sourceTopics: s.sourceTopics.map(rename),
      sinkTopics: s.sinkTopics.map(rename),
    })),
    internalTopics: runnable.internalTopics,
    copartitionGroups: runnable.copartitionGroups.map((group) => group.map(rename)),
    createTask(subtopology: number, partition: number, context: TaskContext) {
      const topicName = (logical: string) => (internal.has(logical) ? context.topicName(logical) : rename(logical))
      return runnable.createTask(subtopology, partition, { ...context, topicName })
    },
  }
}
