import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serdes.ts'
import { f1Json, f1String } from './f1-serdes.ts'

const bytes = (b: Uint8Array | null) => (b === null ? null : [...b])

describe('F1 serdes', () => {
  it('write the same bytes as Serdes.json and Serdes.string and read them back', () => {
    const json = Serdes.json<unknown>()
    const fast = f1Json<unknown>()
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(bytes(fast.serialize('t', v))).toEqual(bytes(json.serialize('t', v)))
        if (v !== null)
          expect(fast.deserialize('t', fast.serialize('t', v))).toEqual(json.deserialize('t', json.serialize('t', v)))
      }),
    )
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(bytes(f1String().serialize('t', s))).toEqual(bytes(Serdes.string().serialize('t', s)))
        expect(bytes(fast.serialize('t', { s }))).toEqual(bytes(json.serialize('t', { s })))
      }),
    )
  })

  it('keep null as null and fail as Serdes.json does', () => {
    expect(f1Json().serialize('t', null)).toBeNull()
    expect(f1String().serialize('t', null as unknown as string)).toBeNull()
    const cyclic: { self?: unknown } = {}
    cyclic.self = cyclic
    expect(() => f1Json().serialize('t', cyclic)).toThrow(/cannot serialize value for topic 't' as JSON/)
    expect(() => f1Json().serialize('t', 10n)).toThrow(/cannot serialize/)
  })
})
