import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { holdsExactly } from './json-members.ts'

const enc = new TextEncoder()

describe('holdsExactly', () => {
  it('holds for any object as JSON.stringify writes it, with any strings and nesting', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue()), (v) => {
        const text = JSON.stringify(v)
        expect(holdsExactly(enc.encode(text), JSON.parse(text))).toBe(true)
        expect(holdsExactly(enc.encode(text), JSON.parse(text), text)).toBe(true)
      }),
    )
  })

  it('fails when a key is repeated at any depth', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }),
        fc.string(),
        fc.boolean(),
        (v, key, nested) => {
          const inner = JSON.stringify(v)
          const dup = `{${JSON.stringify(key)}:1,${JSON.stringify(key)}:2${inner === '{}' ? '' : `,${inner.slice(1)}`}`
          const text = nested ? `{"x":${dup}}` : dup
          expect(holdsExactly(enc.encode(text), JSON.parse(text))).toBe(false)
          // with the decoded text too: colons inside strings never make up for a repeated key
          expect(holdsExactly(enc.encode(text), JSON.parse(text), text)).toBe(false)
        },
      ),
    )
  })

  it('reads only objects without a byte-order mark', () => {
    expect(holdsExactly(enc.encode('{"a":"b\\":c","c":{"d":[{"e":1}]}}'), { a: 'b":c', c: { d: [{ e: 1 }] } })).toBe(
      true,
    )
    expect(holdsExactly(enc.encode('{"a":"b\\":c","c":1}'), { a: 'b":c', c: 1 }, '{"a":"b\\":c","c":1}')).toBe(true)
    expect(holdsExactly(enc.encode('[{"a":1}]'), [{ a: 1 }])).toBe(false)
    expect(holdsExactly(enc.encode('\ufeff{"a":1}'), { a: 1 })).toBe(false)
    expect(holdsExactly(enc.encode(' {"a":1}'), { a: 1 })).toBe(false)
  })
})
