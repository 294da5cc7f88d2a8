import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Serdes } from '../../topology/serdes.ts'
import { StoreMetering } from './store-metering.ts'

const context = { applicationId: 'app', taskId: '0_0', taskDir: '/nonexistent', currentTimestamp: () => 0 }

describe('StoreMetering key bytes', () => {
  it('equal what the serializer gives, whatever keys repeat (memo hits, misses and resets)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.integer({ min: 0, max: 3000 }).map(String))),
        (keys) => {
          const m = new StoreMetering<string, string>('s', Serdes.string(), Serdes.string())
          m.open(context)
          for (const k of keys) expect(m.keyBytes(k)).toEqual(new TextEncoder().encode(k))
        },
      ),
    )
  })

  it('tell -0 from 0 and serialize with the changelog topic', () => {
    const m = new StoreMetering<number, string>('s', Serdes.double(), Serdes.string())
    m.open(context)
    const zero = m.keyBytes(0)
    expect(m.keyBytes(-0)).not.toEqual(zero)
    expect(m.keyBytes(0)).toEqual(zero)
    const topics: string[] = []
    const spy = new StoreMetering<string, string>(
      's',
      Serdes.custom(
        (topic, k) => {
          topics.push(topic)
          return new TextEncoder().encode(k)
        },
        () => '',
      ),
      Serdes.string(),
    )
    spy.open(context)
    spy.keyBytes('a')
    spy.keyBytes('a')
    expect(topics).toEqual(['app-s-changelog'])
  })
})
