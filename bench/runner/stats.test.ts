import { describe, expect, it } from 'vitest'
import { summarize } from './stats.ts'

describe('summarize', () => {
  it('takes the median of odd and even counts', () => {
    expect(summarize([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, runs: [3, 1, 2] })
    expect(summarize([4, 1, 2, 3])?.median).toBe(2.5)
  })
  it('has nothing to say about no runs', () => {
    expect(summarize([])).toBeUndefined()
  })
})
