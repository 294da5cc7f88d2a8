import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Consumed, JoinWindows, Produced, Serdes, StreamsBuilder, TopologyTestDriver } from '../../index.ts'

const str = Serdes.string()

interface Input {
  readonly side: 'left' | 'right'
  readonly key: string
  readonly t: number
}

describe('stream-stream inner join property', () => {
  it('emits every pair of equal key within [t - before, t + after] exactly once, in any arrival order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.array(
          fc.record({
            side: fc.constantFrom('left', 'right'),
            key: fc.constantFrom('a', 'b'),
            t: fc.integer({ min: 0, max: 100 }),
          }),
          { maxLength: 30 },
        ),
        async (before, after, inputs: Input[]) => {
          // A grace larger than any disorder: no record is ever too late.
          const windows = JoinWindows.ofTimeDifferenceAndGrace(0, 1_000).before(before).after(after)
          const builder = new StreamsBuilder({ defaultStoreType: 'memory' })
          const left = builder.stream('left', Consumed.with(str, str))
          const right = builder.stream('right', Consumed.with(str, str))
          left.join(right, (l, r) => `${l}+${r}`, windows).to('out', Produced.with(str, str))
          const driver = new TopologyTestDriver(builder.build())
          try {
            const topics = {
              left: driver.createInputTopic('left', str, str),
              right: driver.createInputTopic('right', str, str),
            }
            const named = inputs.map((r, i) => ({ ...r, name: `${r.side[0]}${i}@${r.t}` }))
            for (const r of named) await topics[r.side].pipeInput(r.key, r.name, r.t)
            const actual = driver
              .createOutputTopic('out', str, str)
              .readRecordsToList()
              .map((r) => `${r.key}:${r.value}@${r.timestamp}`)
              .sort()
            const expected: string[] = []
            for (const l of named.filter((r) => r.side === 'left')) {
              for (const r of named.filter((x) => x.side === 'right' && x.key === l.key)) {
                if (r.t >= l.t - before && r.t <= l.t + after)
                  expected.push(`${l.key}:${l.name}+${r.name}@${Math.max(l.t, r.t)}`)
              }
            }
            expect(actual).toEqual(expected.sort())
          } finally {
            await driver.close()
          }
        },
      ),
      { numRuns: 40 },
    )
  })
})
