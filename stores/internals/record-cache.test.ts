import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareBytes } from './key-encoding.ts'
import { ENTRY_OVERHEAD_BYTES, RecordCache } from './record-cache.ts'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const keyArb = fc.uint8Array({ maxLength: 3 }).map((a) => a.map((b) => b % 4))
const valueArb = fc.option(fc.uint8Array({ maxLength: 4 }), { nil: null })

describe('RecordCache', () => {
  it('matches a model of entries, dirty write order, sizes and sorted dirty ranges', () => {
    const op = fc.oneof(
      fc.record({ t: fc.constant('put' as const), k: keyArb, v: valueArb }),
      fc.record({ t: fc.constant('putClean' as const), k: keyArb, v: fc.uint8Array({ maxLength: 4 }) }),
      fc.record({ t: fc.constant('absent' as const), k: keyArb }),
      fc.record({ t: fc.constant('delete' as const), k: keyArb }),
      fc.record({ t: fc.constant('get' as const), k: keyArb }),
      fc.record({
        t: fc.constant('range' as const),
        a: keyArb,
        b: keyArb,
        strict: fc.boolean(),
        reverse: fc.boolean(),
      }),
      fc.constant({ t: 'take' as const }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80, size: 'max' }), (ops) => {
        const cache = new RecordCache()
        // key -> [key, value, dirty, stored]; dirty order = keys in last-write order
        const model = new Map<
          string,
          { k: Uint8Array; v: Uint8Array | null; dirty: boolean; stored?: Uint8Array | null }
        >()
        let order: string[] = []
        let absent: string | undefined
        for (const o of ops) {
          if (o.t === 'put') {
            const e = model.get(hex(o.k))
            const stored = e !== undefined ? e.stored : absent === hex(o.k) ? null : undefined
            if (e === undefined && absent === hex(o.k)) absent = undefined
            model.set(hex(o.k), { k: e?.k ?? o.k, v: o.v, dirty: true, stored })
            order = [...order.filter((k) => k !== hex(o.k)), hex(o.k)]
            cache.put(o.k, o.v, 7)
          } else if (o.t === 'putClean') {
            if (!model.has(hex(o.k))) model.set(hex(o.k), { k: o.k, v: o.v, dirty: false, stored: o.v })
            cache.putClean(o.k, o.v)
          } else if (o.t === 'absent') {
            if (!model.has(hex(o.k))) {
              absent = hex(o.k)
              cache.noteAbsent(o.k)
            }
          } else if (o.t === 'delete') {
            model.delete(hex(o.k))
            order = order.filter((k) => k !== hex(o.k))
            cache.delete(o.k)
          } else if (o.t === 'get') {
            const got = cache.get(o.k)
            const want = model.get(hex(o.k))
            expect(got === undefined ? undefined : [hex(got.key), got.value, got.dirty]).toEqual(
              want === undefined ? undefined : [hex(want.k), want.v, want.dirty],
            )
          } else if (o.t === 'range') {
            const bound = o.strict ? { gt: o.a, lt: o.b } : { gte: o.a, lte: o.b }
            const inRange = (k: Uint8Array) =>
              o.strict
                ? compareBytes(k, o.a) > 0 && compareBytes(k, o.b) < 0
                : compareBytes(k, o.a) >= 0 && compareBytes(k, o.b) <= 0
            const want = [...model.values()]
              .filter((e) => e.dirty && inRange(e.k))
              .sort((x, y) => compareBytes(x.k, y.k))
              .map((e) => [hex(e.k), e.v])
            const got = cache.dirtyRange({ ...bound, reverse: o.reverse }).map((e) => [hex(e.key), e.value])
            expect(got).toEqual(o.reverse ? want.reverse() : want)
          } else {
            const taken = cache.takeDirty().map((e) => [hex(e.key), e.value, e.stored])
            expect(taken).toEqual(order.map((k) => [k, model.get(k)!.v, model.get(k)!.stored]))
            for (const k of order) {
              const e = model.get(k)!
              if (e.v === null) model.delete(k)
              else model.set(k, { ...e, dirty: false, stored: e.v })
            }
            order = []
          }
          const bytes = [...model.values()].reduce(
            (n, e) => n + e.k.length + (e.v?.length ?? 0) + ENTRY_OVERHEAD_BYTES,
            0,
          )
          expect([cache.size, cache.dirtyCount, cache.sizeBytes]).toEqual([model.size, order.length, bytes])
        }
      }),
      { numRuns: 300 },
    )
  })
})
