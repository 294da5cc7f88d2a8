import { describe, expect, it } from 'vitest'
import { diffMultisets } from './multiset.ts'

describe('diffMultisets', () => {
  it('finds nothing when both sides agree', () => {
    expect(diffMultisets(['a', 'b', 'b'], ['b', 'a', 'b'])).toMatchObject({ missing: 0, duplicates: 0, unexpected: 0 })
  })
  it('counts missing, duplicate and unexpected ids', () => {
    const d = diffMultisets(['a', 'b', 'c'], ['a', 'a', 'c', 'z'])
    expect(d).toMatchObject({ expected: 3, seen: 4, missing: 1, duplicates: 1, unexpected: 1 })
    expect(d.examples).toContain('missing b')
  })
})
