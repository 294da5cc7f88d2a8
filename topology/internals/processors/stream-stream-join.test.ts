import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serdes.ts'
import { JoinWindows } from '../../windows/join-windows.ts'
import { leftOrRightListSerde, timestampedKeyAndJoinSideSerde } from './join-outer-store.ts'
import { JoinTimeTrackers } from './join-time-tracker.ts'
import { streamStreamJoin } from './stream-stream-join.ts'
import { ProcessorHarness } from './testing/processor-harness.ts'
import { testKeyValueStore, testWindowStore } from './testing/test-stores.ts'

async function setup(kind: 'inner' | 'left' | 'outer', windows: JoinWindows) {
  const s = Serdes.string()
  const stores = [
    testWindowStore<string, string>('l', s, windows.retentionMs(), windows.sizeMs(), true),
    testWindowStore<string, string>('r', s, windows.retentionMs(), windows.sizeMs(), true),
    testKeyValueStore('outer', timestampedKeyAndJoinSideSerde(s), leftOrRightListSerde(s, s)),
  ]
  const h = new ProcessorHarness(stores)
  const trackers = new JoinTimeTrackers()
  const outerStoreName = kind === 'inner' ? undefined : 'outer'
  const joiner = (_k: string, l: string | null, r: string | null) => `${l}+${r}`
  const left = await h.add(
    streamStreamJoin<string, string, string, string>({
      side: 'left',
      thisStoreName: 'l',
      otherStoreName: 'r',
      outerStoreName,
      windows,
      joiner,
      outer: kind !== 'inner',
      trackers,
    }),
  )
  const right = await h.add(
    streamStreamJoin<string, string, string, string>({
      side: 'right',
      thisStoreName: 'r',
      otherStoreName: 'l',
      outerStoreName,
      windows,
      joiner,
      outer: kind === 'outer',
      trackers,
    }),
  )
  const out = () => h.drain().map((r) => `${r.key}:${r.value}@${r.timestamp}`)
  return { h, left, right, out }
}

describe('streamStreamJoin', () => {
  it('inner join emits every pair inside the window, with the larger timestamp', async () => {
    const { h, left, right, out } = await setup('inner', JoinWindows.ofTimeDifferenceAndGrace(100, 0))
    await h.pipe(left, '0', 'A0', 0)
    await h.pipe(left, '1', 'A1', 0)
    expect(out()).toEqual([])
    await h.pipe(right, '0', 'a0', 50)
    await h.pipe(right, '1', 'a1', 101)
    expect(out()).toEqual(['0:A0+a0@50'])
    await h.pipe(left, '0', 'B0', 150)
    expect(out()).toEqual(['0:B0+a0@150'])
  })

  it('outer join emits duplicates unmatched only after the window closes (KStreamKStreamOuterJoinTest.testOuterJoinDuplicates)', async () => {
    const { h, left, right, out } = await setup('outer', JoinWindows.ofTimeDifferenceAndGrace(100, 10))
    await h.pipe(left, '0', 'A0', 0)
    await h.pipe(left, '0', 'A0-0', 0)
    await h.pipe(right, '1', 'a1', 0)
    await h.pipe(right, '1', 'a1-0', 0)
    expect(out()).toEqual([])
    await h.pipe(right, '1', 'a0', 111)
    expect(out()).toEqual(['1:null+a1@0', '1:null+a1-0@0', '0:A0+null@0', '0:A0-0+null@0'])
    await h.pipe(left, '2', 'A2', 200)
    await h.pipe(left, '2', 'A2-0', 200)
    await h.pipe(right, '2', 'a2', 201)
    await h.pipe(right, '2', 'a2-0', 201)
    expect(out()).toEqual(['2:A2+a2@201', '2:A2-0+a2@201', '2:A2+a2-0@201', '2:A2-0+a2-0@201'])
    await h.pipe(right, '3', 'a3', 315)
    expect(out()).toEqual(['1:null+a0@111'])
  })

  it('left-side unmatched records are emitted by a record of either side advancing stream time', async () => {
    for (const closer of ['left', 'right'] as const) {
      const { h, left, right, out } = await setup('outer', JoinWindows.ofTimeDifferenceWithNoGrace(100))
      await h.pipe(left, '0', 'A0', 1)
      await h.pipe(left, '1', 'A1', 2)
      await h.pipe(left, '0', 'A0-0', 3)
      expect(out()).toEqual([])
      await h.pipe(right, '1', 'a1', 3)
      expect(out()).toEqual(['1:A1+a1@3'])
      await h.pipe(closer === 'left' ? left : right, '2', 'dummy', 401)
      expect(out()).toEqual(['0:A0+null@1', '0:A0-0+null@3'])
    }
  })

  it('left join never emits unmatched right records and emits a late unmatched left record at once', async () => {
    const { h, left, right, out } = await setup('left', JoinWindows.ofTimeDifferenceAndGrace(10, 5))
    await h.pipe(right, 'k', 'r1', 0)
    await h.pipe(left, 'x', 'L1', 100)
    expect(out()).toEqual([])
    await h.pipe(left, 'y', 'late', 20) // window [10, 30] closed at stream time 100: no waiting
    expect(out()).toEqual(['y:late+null@20'])
    await h.pipe(right, 'x', 'r2', 105)
    expect(out()).toEqual(['x:L1+r2@105'])
    await h.pipe(left, 'z', 'L2', 200)
    expect(out()).toEqual([])
  })

  it('drops records with null keys or values (inner) and emits null-key records at once (left)', async () => {
    const inner = await setup('inner', JoinWindows.ofTimeDifferenceWithNoGrace(10))
    await inner.h.pipe(inner.left, null as unknown as string, 'v', 1)
    await inner.h.pipe(inner.left, 'k', null as unknown as string, 1)
    expect(inner.h.metrics.get('dropped-records')).toBe(2)
    const leftJoin = await setup('left', JoinWindows.ofTimeDifferenceWithNoGrace(10))
    await leftJoin.h.pipe(leftJoin.left, null as unknown as string, 'v', 1)
    expect(leftJoin.out()).toEqual(['null:v+null@1'])
  })
})
