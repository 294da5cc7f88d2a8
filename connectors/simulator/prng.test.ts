import { describe, expect, it } from 'vitest'
import { Rng } from './prng.ts'

describe('Rng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new Rng(42)
    const b = new Rng(42)
    const c = new Rng(43)
    const xs = Array.from({ length: 100 }, () => a.next())
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs)
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xs)
  })

  it('stays in range and is roughly uniform and normal', () => {
    const r = new Rng(7)
    let sum = 0
    let sq = 0
    let outOfRange = 0
    const ints = new Set<number>()
    for (let i = 0; i < 20_000; i++) {
      const u = r.next()
      if (u < 0 || u >= 1) outOfRange++
      const z = r.normal()
      sum += z
      sq += z * z
      ints.add(r.int(3, 5))
    }
    expect(outOfRange).toBe(0)
    expect([...ints].sort()).toEqual([3, 4, 5])
    expect(Math.abs(sum / 20_000)).toBeLessThan(0.05)
    expect(Math.abs(sq / 20_000 - 1)).toBeLessThan(0.05)
  })

  it('forks streams by label, independent of how far the parent has advanced', () => {
    const a = new Rng(1)
    const before = a.fork('car:44').next()
    a.next()
    expect(a.fork('car:44').next()).toBe(before)
    expect(a.fork('car:16').next()).not.toBe(before)
  })
})
