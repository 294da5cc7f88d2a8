import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readJsonArray } from './json-array.ts'

describe('readJsonArray', () => {
  it('reads whole arrays', () => {
    expect(readJsonArray('[{"a":1},{"b":[1,2]}]')).toEqual({
      items: [{ a: 1 }, { b: [1, 2] }],
      bad: 0,
      truncated: false,
    })
  })

  it('keeps the complete elements of a truncated array', () => {
    expect(readJsonArray('[{"a":1},{"b":"x]"},{"c":')).toEqual({
      items: [{ a: 1 }, { b: 'x]' }],
      bad: 0,
      truncated: true,
    })
    expect(readJsonArray('[{"a":1}')).toEqual({ items: [{ a: 1 }], bad: 0, truncated: true })
  })

  it('counts bad elements and keeps the good ones', () => {
    expect(readJsonArray('[{"a":1},{"b":NaN},{"c":"\\"}"}]')).toEqual({
      items: [{ a: 1 }, { c: '"}' }],
      bad: 1,
      truncated: false,
    })
  })

  it('reports non-arrays without throwing', () => {
    expect(readJsonArray('{"detail":"not found"}').error).toContain('not an array')
    expect(readJsonArray('').error).toContain('does not start')
    expect(readJsonArray('<html>').error).toContain('does not start')
  })

  it('recovers every complete element of any truncated array', () => {
    const element = fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string(), fc.constant(null)), {
      maxKeys: 3,
    })
    fc.assert(
      fc.property(fc.array(element, { maxLength: 10 }), fc.nat(), (array, cut) => {
        const text = JSON.stringify(array)
        const at = cut % (text.length + 1)
        const read = readJsonArray(text.slice(0, at))
        expect(read.bad).toBe(0)
        // every element fully before the cut is recovered, in order
        const recovered = read.items
        expect(array.slice(0, recovered.length)).toEqual(recovered)
        const complete = array.filter((_, i) => JSON.stringify(array.slice(0, i + 1)).length - 1 <= at).length
        expect(recovered.length).toBe(complete)
      }),
      { numRuns: 300 },
    )
  })
})
