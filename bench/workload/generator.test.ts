import { describe, expect, it } from 'vitest'
import { expectedOutputs } from './expected.ts'
import { carPartition, encodeSample, generate } from './generator.ts'
import { REFERENCE } from './reference.ts'
import { validate } from './semantics.ts'

const records = (count: number) =>
  Array.from({ length: count }, (_, n) => {
    const r = generate(n)
    return { key: r.key, partition: r.partition, value: encodeSample(r.sample) }
  })

describe('reference workload generator', () => {
  it('is deterministic and advances 20 ms per car per sample', () => {
    expect(encodeSample(generate(12345).sample)).toEqual(encodeSample(generate(12345).sample))
    expect(generate(0).sample.ts).toBe(REFERENCE.t0)
    expect(generate(50).sample.ts).toBe(REFERENCE.t0 + 20)
    expect(generate(50).key).toBe('car-01')
    expect(generate(49).key).toBe('car-50')
  })

  it('writes values of about 200 bytes', () => {
    const sizes = records(1000).map((r) => r.value.length)
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length
    expect(mean).toBeGreaterThan(180)
    expect(mean).toBeLessThan(220)
  })

  it('spreads the cars over all 6 partitions', () => {
    const used = new Set(Array.from({ length: 50 }, (_, i) => carPartition(i + 1)))
    expect(used.size).toBe(REFERENCE.partitions)
  })

  it('marks exactly the records validation rejects as invalid', () => {
    for (let n = 0; n < 20_000; n++) {
      const r = generate(n)
      expect(validate(encodeSample(r.sample)).ok).toBe(r.invalid === undefined)
    }
  })

  it('gives a small invalid fraction, anomalies and closed windows', () => {
    const e = expectedOutputs(records(50_000))
    expect(e.clean + e.quarantine).toBe(50_000)
    expect(e.quarantine / 50_000).toBeGreaterThan(0.002)
    expect(e.quarantine / 50_000).toBeLessThan(0.01)
    expect(e.anomalies.length).toBeGreaterThan(10)
    // 1000 samples per car = 20 s = 20 windows, the last one still open
    expect(e.metrics.size).toBe(50 * 19)
    const first = e.metrics.get(`1@${REFERENCE.t0}`)!
    expect(first.count).toBeGreaterThan(45)
    expect(first.count).toBeLessThanOrEqual(50)
  })
})
