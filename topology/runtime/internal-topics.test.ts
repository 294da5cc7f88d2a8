import { describe, expect, it } from 'vitest'
import { isPitwallError } from '../../core/errors.ts'
import type { RunnableTopology } from '../internals/runnable.ts'
import { checkCopartitioning, physicalNamer } from './internal-topics.ts'

const runnable: RunnableTopology = {
  subtopologies: [
    { id: 0, sourceTopics: ['laps', 'drivers'], sinkTopics: [], changelogTopics: new Map() },
    { id: 1, sourceTopics: ['agg-repartition'], sinkTopics: [], changelogTopics: new Map([['agg', 'agg-changelog']]) },
  ],
  internalTopics: [
    { name: 'agg-repartition', kind: 'repartition', config: {} },
    { name: 'agg-changelog', kind: 'changelog', config: {} },
  ],
  copartitionGroups: [['laps', 'drivers']],
  createTask: () => {
    throw new Error('not used')
  },
}

describe('internal topics', () => {
  it('prefixes internal topics with the application id only', () => {
    const name = physicalNamer(runnable, 'pitwall')
    expect(name('agg-repartition')).toBe('pitwall-agg-repartition')
    expect(name('agg-changelog')).toBe('pitwall-agg-changelog')
    expect(name('laps')).toBe('laps')
  })

  it('names the topics and their counts when co-partitioning is violated', () => {
    const counts = new Map([
      ['laps', 6],
      ['drivers', 3],
      ['agg-repartition', 6],
    ])
    try {
      checkCopartitioning(runnable, (t) => counts.get(t))
      expect.fail('expected a co-partitioning error')
    } catch (e) {
      expect(isPitwallError(e, 'PITWALL_TOPOLOGY_COPARTITION')).toBe(true)
      expect((e as Error).message).toContain('laps (6), drivers (3)')
    }
    counts.set('drivers', 6)
    expect(() => checkCopartitioning(runnable, (t) => counts.get(t))).not.toThrow()
  })
})
