import { afterEach, describe, expect, it } from 'vitest'
import benchF1Topology, { TOPIC_PREFIX_ENV } from './worker-topology.ts'

describe('benchF1Topology', () => {
  afterEach(() => {
    delete process.env[TOPIC_PREFIX_ENV]
  })
  it('reads and writes the run prefixed user topics, internal topics keep their names', () => {
    process.env[TOPIC_PREFIX_ENV] = 'run-1.'
    const runnable = benchF1Topology()
    const sources = new Set(runnable.subtopologies.flatMap((s) => s.sourceTopics))
    const sinks = new Set(runnable.subtopologies.flatMap((s) => s.sinkTopics))
    const internal = new Set(runnable.internalTopics.map((t) => t.name))
    expect(sources.has('run-1.f1.telemetry.raw')).toBe(true)
    expect(sinks.has('run-1.f1.telemetry.clean')).toBe(true)
    expect(sinks.has('run-1.f1.telemetry.quarantine')).toBe(true)
    for (const topic of [...sources, ...sinks]) expect(topic.startsWith('run-1.') || internal.has(topic)).toBe(true)
  })
  it('is the plain F1 topology without a prefix', () => {
    const sources = benchF1Topology().subtopologies.flatMap((s) => s.sourceTopics)
    expect(sources).toContain('f1.telemetry.raw')
  })
})
