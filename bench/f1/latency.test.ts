import { describe, expect, it } from 'vitest'
import { quantile } from './latency.ts'

describe('quantile', () => {
  it('takes the nearest rank of sorted values', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1)
    expect(quantile(sorted, 0.5)).toBe(51)
    expect(quantile(sorted, 0.99)).toBe(100)
    expect(quantile(Float64Array.of(7), 0.99)).toBe(7)
  })
  it('is NaN without samples', () => {
    expect(quantile(new Float64Array(0), 0.5)).toBeNaN()
  })
})
