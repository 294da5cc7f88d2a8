import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareBytes } from './key-encoding.ts'
import { SortedMap } from './sorted-map.ts'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const keyArb = fc.uint8Array({ maxLength: 3 }).map((a) => a.map((b) => b % 5))

describe('SortedMap', () => {
  it('matches a sorted model under random sets, deletes, range deletes and scans', () => {
    const op = fc.oneof(
      fc.record({ t: fc.constant('set' as const), k: keyArb, v: fc.integer() }),
      fc.record({ t: fc.constant('del' as const), k: keyArb }),
      fc.record({ t: fc.constant('delRange' as const), k: keyArb, k2: keyArb }),
      fc.record({ t: fc.constant('scan' as const), k: keyArb, k2: keyArb, reverse: fc.boolean() }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const map = new SortedMap<number>()
        const model = new Map<string, [Uint8Array, number]>()
        const sorted = () => [...model.values()].sort((a, b) => compareBytes(a[0], b[0]))
        for (const o of ops) {
          if (o.t === 'set') {
            map.set(o.k, o.v)
            model.set(hex(o.k), [o.k, o.v])
          } else if (o.t === 'del') {
            expect(map.delete(o.k)).toBe(model.delete(hex(o.k)))
          } else if (o.t === 'delRange') {
            map.deleteRange(o.k, o.k2)
            for (const [h, [k]] of model) if (compareBytes(k, o.k) >= 0 && compareBytes(k, o.k2) < 0) model.delete(h)
          } else {
            const got = [...map.entries({ gte: o.k, lte: o.k2, reverse: o.reverse })].map(([k, v]) => [hex(k), v])
            let want = sorted().filter(([k]) => compareBytes(k, o.k) >= 0 && compareBytes(k, o.k2) <= 0)
            if (o.reverse) want = want.reverse()
            expect(got).toEqual(want.map(([k, v]) => [hex(k), v]))
          }
          expect(map.size).toBe(model.size)
        }
        expect([...map.entries({})].map(([k]) => hex(k))).toEqual(sorted().map(([k]) => hex(k)))
      }),
      { numRuns: 200 },
    )
  })

  it('keeps iterating correctly while entries are added and removed', () => {
    const map = new SortedMap<number>()
    for (let i = 0; i < 3000; i++) map.set(Uint8Array.of(i >> 8, i & 0xff), i)
    const seen: number[] = []
    for (const [k, v] of map.entries({})) {
      seen.push(v)
      map.delete(k)
      if (v % 2 === 0) map.set(Uint8Array.of(k[0]!, k[1]!, 0), -v - 1)
    }
    expect(seen.filter((v) => v >= 0)).toEqual([...Array(3000).keys()])
    expect(seen.filter((v) => v < 0).length).toBe(1500)
  })
})
