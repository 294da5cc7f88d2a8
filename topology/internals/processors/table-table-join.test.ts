import { describe, expect, it } from 'vitest'
import { tableTableJoin } from './table-table-join.ts'
import { ProcessorHarness } from './testing/processor-harness.ts'
import type { ValueAndTimestamp } from './value-and-timestamp.ts'

/** Both tables as maps; each update is applied to its table before the join processor sees it, as a materialized KTable does. */
async function setup(kind: 'inner' | 'left' | 'outer') {
  const tables = {
    left: new Map<string, ValueAndTimestamp<string>>(),
    right: new Map<string, ValueAndTimestamp<string>>(),
  }
  const h = new ProcessorHarness([])
  const joiner = (l: string | null, r: string | null) => `${l}+${r}`
  const make = (side: 'left' | 'right') =>
    h.add(
      tableTableJoin<string, string, string, string>({
        kind,
        side,
        joiner,
        otherValueGetter: () => async (key) => tables[side === 'left' ? 'right' : 'left'].get(key),
      }),
    )
  const processors = { left: await make('left'), right: await make('right') }
  async function update(side: 'left' | 'right', key: string, value: string | null, timestamp: number) {
    const old = tables[side].get(key)?.value ?? null
    if (value === null) tables[side].delete(key)
    else tables[side].set(key, { value, timestamp })
    await h.pipe(processors[side], key, { newValue: value, oldValue: old }, timestamp)
  }
  const out = () =>
    h.drain().map((r) => {
      const v = r.value as { newValue: string | null; oldValue: string | null }
      return `${r.key}:${v.newValue}/${v.oldValue}@${r.timestamp}`
    })
  return { update, out }
}

describe('tableTableJoin', () => {
  it('inner join forwards results and retracts them when either side changes or is deleted', async () => {
    const { update, out } = await setup('inner')
    await update('left', 'k', 'A', 1)
    expect(out()).toEqual([])
    await update('right', 'k', 'a', 5)
    expect(out()).toEqual(['k:A+a/null@5'])
    await update('left', 'k', 'B', 3)
    expect(out()).toEqual(['k:B+a/A+a@5'])
    await update('right', 'k', null, 9)
    expect(out()).toEqual(['k:null/B+a@9'])
    await update('left', 'k', null, 10)
    expect(out()).toEqual([])
  })

  it('left join emits rows without a right value and swaps them when the right side arrives', async () => {
    const { update, out } = await setup('left')
    await update('right', 'k', 'a', 1)
    expect(out()).toEqual([])
    await update('left', 'j', 'J', 2)
    expect(out()).toEqual(['j:J+null/null@2'])
    await update('right', 'j', 'b', 3)
    expect(out()).toEqual(['j:J+b/J+null@3'])
    await update('right', 'j', null, 4)
    expect(out()).toEqual(['j:J+null/J+b@4'])
    await update('left', 'j', null, 5)
    expect(out()).toEqual(['j:null/J+null@5'])
  })

  it('outer join keeps rows of both sides and emits a tombstone only when both are gone', async () => {
    const { update, out } = await setup('outer')
    await update('right', 'k', 'a', 1)
    expect(out()).toEqual(['k:null+a/null@1'])
    await update('left', 'k', 'A', 2)
    expect(out()).toEqual(['k:A+a/null+a@2'])
    await update('right', 'k', null, 3)
    expect(out()).toEqual(['k:A+null/A+a@3'])
    await update('left', 'k', null, 4)
    expect(out()).toEqual(['k:null/A+null@4'])
  })
})
