import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serdes.ts'
import { SlidingWindows } from '../../windows/sliding-windows.ts'
import { slidingWindowAggregate } from './sliding-window-aggregate.ts'
import { type Captured, ProcessorHarness } from './testing/processor-harness.ts'
import { testWindowStore } from './testing/test-stores.ts'
import { valueAndTimestampSerde } from './value-and-timestamp.ts'

type Out = { key: { key: string; window: { start: number; end: number } }; value: { newValue: string } }

async function run(inputs: [string, string, number][], aggregate = true) {
  const store = testWindowStore('s', Serdes.string(), 50_000, 10, false, valueAndTimestampSerde(Serdes.json()))
  const h = new ProcessorHarness([store])
  const p = await h.add(
    slidingWindowAggregate<string, string, string | null>({
      storeName: 's',
      windows: SlidingWindows.ofTimeDifferenceAndGrace(10, 50),
      initializer: () => (aggregate ? '0' : null),
      aggregator: (_k, v, a) => (a === null ? v : `${a}+${v}`),
    }),
  )
  for (const [k, v, t] of inputs) await h.pipe(p, k, v, t)
  return h
}

/** The last result per key and window start, as Kafka's tests compare them. */
function finalByWindow(out: Captured[]): Record<string, [string, number]> {
  const last: Record<string, [string, number]> = {}
  for (const r of out as unknown as (Out & Captured)[])
    last[`${r.key.key}@${r.key.window.start}`] = [r.value.newValue, r.timestamp]
  return last
}

describe('slidingWindowAggregate (KStreamSlidingWindowAggregateTest cases)', () => {
  it('aggregates a small in-order input into left and right windows', async () => {
    const h = await run([
      ['A', '1', 10],
      ['A', '2', 15],
      ['A', '3', 20],
      ['A', '4', 22],
      ['A', '5', 30],
    ])
    expect(finalByWindow(h.output)).toEqual({
      'A@0': ['0+1', 10],
      'A@5': ['0+1+2', 15],
      'A@10': ['0+1+2+3', 20],
      'A@11': ['0+2+3', 20],
      'A@12': ['0+2+3+4', 22],
      'A@16': ['0+3+4', 22],
      'A@20': ['0+3+4+5', 30],
      'A@21': ['0+4+5', 30],
      'A@23': ['0+5', 30],
    })
  })

  it('reduces a small input (no initializer)', async () => {
    const h = await run(
      [
        ['A', '1', 10],
        ['A', '2', 14],
        ['A', '3', 15],
        ['A', '4', 22],
        ['A', '5', 26],
        ['A', '6', 30],
      ],
      false,
    )
    expect(finalByWindow(h.output)).toEqual({
      'A@0': ['1', 10],
      'A@4': ['1+2', 14],
      'A@5': ['1+2+3', 15],
      'A@11': ['2+3', 15],
      'A@12': ['2+3+4', 22],
      'A@15': ['3+4', 22],
      'A@16': ['4+5', 26],
      'A@20': ['4+5+6', 30],
      'A@23': ['5+6', 30],
      'A@27': ['6', 30],
    })
  })

  it('updates earlier windows with out-of-order records', async () => {
    const h = await run([
      ['A', '1', 10],
      ['A', '2', 20],
      ['A', '3', 22],
      ['A', '4', 15],
      ['C', '1', 11],
      ['C', '2', 15],
      ['C', '3', 16],
      ['C', '4', 21],
      ['C', '5', 23],
    ])
    expect(finalByWindow(h.output)).toEqual({
      'A@0': ['0+1', 10],
      'A@5': ['0+1+4', 15],
      'A@10': ['0+1+2+4', 20],
      'A@11': ['0+2+4', 20],
      'A@12': ['0+2+3+4', 22],
      'A@16': ['0+2+3', 22],
      'A@21': ['0+3', 22],
      'C@1': ['0+1', 11],
      'C@5': ['0+1+2', 15],
      'C@6': ['0+1+2+3', 16],
      'C@11': ['0+1+2+3+4', 21],
      'C@12': ['0+2+3+4', 21],
      'C@13': ['0+2+3+4+5', 23],
      'C@16': ['0+3+4+5', 23],
      'C@17': ['0+4+5', 23],
      'C@22': ['0+5', 23],
    })
  })

  it('drops records whose windows have all closed and counts them', async () => {
    const store = testWindowStore('s', Serdes.string(), 50_000, 10, false, valueAndTimestampSerde(Serdes.json()))
    const h = new ProcessorHarness([store])
    const p = await h.add(
      slidingWindowAggregate<string, string, string>({
        storeName: 's',
        windows: SlidingWindows.ofTimeDifferenceAndGrace(10, 5),
        initializer: () => '0',
        aggregator: (_k, v, a) => `${a}+${v}`,
      }),
    )
    await h.pipe(p, 'A', '1', 100)
    h.drain()
    // close time 95: the right window of a record at 84 ends at 95, so it is dropped.
    await h.pipe(p, 'A', 'late', 84)
    expect(h.drain()).toEqual([])
    expect(h.metrics.get('dropped-records')).toBe(1)
  })
})
