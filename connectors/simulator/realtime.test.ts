import { describe, expect, it } from 'vitest'
import { Simulator } from './simulator.ts'
import { runToEnd } from './test-support.ts'

describe('real-time mode', () => {
  it('paces batches against the wall clock by the speed factor and yields the same records as fast mode', async () => {
    const options = { seed: 4, cars: 2, laps: 1, speedFactor: 200, batchMs: 500 }
    const sim = new Simulator({ ...options, mode: 'realtime' })
    const began = performance.now()
    const records = []
    for await (const r of sim.records()) records.push(r)
    const elapsed = performance.now() - began
    const simulated = records.at(-1)!.timestamp - records[0]!.timestamp
    expect(elapsed).toBeGreaterThanOrEqual((simulated / 200) * 0.9)
    expect(JSON.stringify(records)).toBe(JSON.stringify(runToEnd(options).records))
  }, 30_000)

  it('stops when aborted and refuses a second run', async () => {
    const sim = new Simulator({ cars: 2, laps: 1 })
    const abort = new AbortController()
    let n = 0
    for await (const _ of sim.records(abort.signal)) if (++n === 10) abort.abort()
    expect(n).toBeLessThan(20_000)
    expect(() => sim.batches().next()).toThrow(/runs once/)
  })
})
