import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serdes.ts'
import { tableAggregate } from './table-aggregate.ts'
import { tableRepartitionMap } from './table-repartition-map.ts'
import { ProcessorHarness } from './testing/processor-harness.ts'
import { testKeyValueStore } from './testing/test-stores.ts'

describe('table groupBy: tableRepartitionMap + tableAggregate', () => {
  it('sends the subtraction under the old key and the addition under the new key as two records', async () => {
    const h = new ProcessorHarness([])
    const map = await h.add(
      tableRepartitionMap((_driver: string, row: { team: string; pts: number }) => ({ key: row.team, value: row.pts })),
    )
    await h.pipe(map, 'ham', { newValue: { team: 'ferrari', pts: 10 }, oldValue: { team: 'mercedes', pts: 8 } }, 5)
    expect(h.drain()).toEqual([
      { key: 'mercedes', value: { newValue: null, oldValue: 8 }, timestamp: 5 },
      { key: 'ferrari', value: { newValue: 10, oldValue: null }, timestamp: 5 },
    ])
  })

  it('aggregates with adder and subtractor', async () => {
    const store = testKeyValueStore<string, unknown>('agg', Serdes.string())
    const h = new ProcessorHarness([store])
    const agg = await h.add(
      tableAggregate<string, number, number>({
        storeName: 'agg',
        initializer: () => 0,
        adder: (_k, v, a) => a + v,
        subtractor: (_k, v, a) => a - v,
      }),
    )
    await h.pipe(agg, 'ferrari', { newValue: 10, oldValue: null }, 5)
    await h.pipe(agg, 'ferrari', { newValue: 3, oldValue: null }, 2)
    await h.pipe(agg, 'ferrari', { newValue: null, oldValue: 10 }, 7)
    await h.pipe(agg, 'ferrari', { newValue: null, oldValue: 3 }, 8)
    expect(h.drain().map((r) => [r.key, r.value, r.timestamp])).toEqual([
      ['ferrari', { newValue: 10, oldValue: null }, 5],
      ['ferrari', { newValue: 13, oldValue: 10 }, 2],
      ['ferrari', { newValue: 3, oldValue: 13 }, 7],
      ['ferrari', { newValue: 0, oldValue: 3 }, 8],
    ])
  })

  it('reduce (no initializer) deletes the key when the last value is subtracted to null', async () => {
    const store = testKeyValueStore<string, unknown>('agg', Serdes.string())
    const h = new ProcessorHarness([store])
    const reduce = await h.add(
      tableAggregate<string, string, string | null>({
        storeName: 'agg',
        adder: (_k, v, a) => `${a}|${v}`,
        subtractor: (_k, v, a) => (a === v ? null : (a ?? '').replace(`|${v}`, '')),
      }),
    )
    await h.pipe(reduce, 'k', { newValue: 'x', oldValue: null }, 1)
    await h.pipe(reduce, 'k', { newValue: 'y', oldValue: null }, 2)
    await h.pipe(reduce, 'k', { newValue: null, oldValue: 'y' }, 3)
    await h.pipe(reduce, 'k', { newValue: null, oldValue: 'x' }, 4)
    expect(h.drain().map((r) => r.value)).toEqual([
      { newValue: 'x', oldValue: null },
      { newValue: 'x|y', oldValue: 'x' },
      { newValue: 'x', oldValue: 'x|y' },
      { newValue: null, oldValue: 'x' },
    ])
    expect(await store.get('k')).toBeUndefined()
  })
})
