import { describe, expect, it } from 'vitest'
import { f1TopicConfig } from './topic-setup.ts'

describe('f1TopicConfig', () => {
  it('never expires F1 topics by age unless told otherwise', () => {
    expect(f1TopicConfig({ compacted: false })).toEqual([{ name: 'retention.ms', value: '-1' }])
    expect(f1TopicConfig({ compacted: true }, 86_400_000)).toEqual([
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'retention.ms', value: '86400000' },
    ])
  })
  it('keeps the broker default when the retention is null', () => {
    expect(f1TopicConfig({ compacted: false }, null)).toEqual([])
  })
})
