import { describe, expect, it } from 'vitest'
import { medianRun } from './bench.ts'

describe('medianRun', () => {
  it('picks the run with the median figure, the lower middle of an even count', () => {
    expect(medianRun([{ p99: 300 }, { p99: 200 }, { p99: 700 }], (r) => r.p99)).toEqual({ p99: 300 })
    expect(medianRun([{ p99: 300 }, { p99: 200 }], (r) => r.p99)).toEqual({ p99: 200 })
    expect(medianRun([], (r: { p99: number }) => r.p99)).toBeUndefined()
  })
})
