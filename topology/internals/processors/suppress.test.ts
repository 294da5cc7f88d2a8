import { describe, expect, it } from 'vitest'
import type { Windowed } from '../../../stores/api.ts'
import { Serdes } from '../../serdes.ts'
import { BufferConfig, Suppressed } from '../../windows/suppressed.ts'
import { WindowedSerdes } from '../../windows/windowed-serdes.ts'
import { suppress } from './suppress.ts'
import type { BufferedEntry } from './suppress-buffer.ts'
import { suppressBufferSerde } from './suppress-buffer-serde.ts'
import { ProcessorHarness } from './testing/processor-harness.ts'
import { testKeyValueStore } from './testing/test-stores.ts'

const w = (key: string, start: number, end: number): Windowed<string> => ({ key, window: { start, end } })
const change = (newValue: number | null, oldValue: number | null) => ({ newValue, oldValue })

async function setup(
  suppressed: Suppressed,
  graceMs = 0,
  store = testKeyValueStore<unknown, BufferedEntry<number>>(
    'buf',
    WindowedSerdes.json(),
    suppressBufferSerde(Serdes.json<number>()),
  ),
) {
  const h = new ProcessorHarness([store])
  const p = await h.add(suppress<unknown, number>({ storeName: 'buf', suppressed, graceMs, name: 'final' }))
  const out = () =>
    h.drain().map((r) => {
      const k = r.key as Windowed<string> | string
      const v = r.value as { newValue: number; oldValue: number | null }
      const key = typeof k === 'string' ? k : `${k.key}[${k.window.start},${k.window.end})`
      return `${key}=${v.newValue}/${v.oldValue}@${r.timestamp}`
    })
  return { h, p, out, store }
}

describe('suppress', () => {
  it('untilWindowCloses emits one final result per window once stream time reaches end + grace', async () => {
    const { h, p, out } = await setup(Suppressed.untilWindowCloses(BufferConfig.unbounded()), 5)
    await h.pipe(p, w('A', 0, 10), change(1, null), 1)
    await h.pipe(p, w('A', 0, 10), change(2, 1), 4)
    await h.pipe(p, w('B', 0, 10), change(1, null), 9)
    await h.pipe(p, w('A', 10, 20), change(1, null), 14)
    expect(out()).toEqual([])
    await h.pipe(p, w('A', 0, 10), change(3, 2), 8) // out-of-order update within grace
    expect(out()).toEqual([])
    await h.pipe(p, w('A', 10, 20), change(2, 1), 15) // 15 >= 10 + 5: window [0,10) closes
    expect(out()).toEqual(['A[0,10)=3/null@8', 'B[0,10)=1/null@9'])
    await h.pipe(p, w('A', 10, 20), change(3, 2), 24)
    expect(out()).toEqual([])
    await h.pipe(p, w('C', 20, 30), change(1, null), 25)
    expect(out()).toEqual(['A[10,20)=3/null@24'])
  })

  it('drops final tombstones and keeps the buffer across a restart', async () => {
    const store = testKeyValueStore<unknown, BufferedEntry<number>>(
      'buf',
      WindowedSerdes.json(),
      suppressBufferSerde(Serdes.json<number>()),
    )
    const first = await setup(Suppressed.untilWindowCloses(BufferConfig.unbounded()), 0, store)
    await first.h.pipe(first.p, w('A', 0, 10), change(1, null), 1)
    await first.h.pipe(first.p, w('S', 0, 10), change(1, null), 2)
    await first.h.pipe(first.p, w('S', 0, 10), change(null, 1), 3)
    expect(await store.approximateNumEntries()).toBe(2)
    const second = await setup(Suppressed.untilWindowCloses(BufferConfig.unbounded()), 0, store)
    await second.h.pipe(second.p, w('B', 10, 20), change(1, null), 10)
    expect(second.out()).toEqual(['A[0,10)=1/null@1'])
  })

  it('untilTimeLimit holds the latest update per key for the time limit', async () => {
    const store = testKeyValueStore<unknown, BufferedEntry<number>>(
      'buf',
      Serdes.json(),
      suppressBufferSerde(Serdes.json<number>()),
    )
    const { h, p, out } = await setup(Suppressed.untilTimeLimit(10, BufferConfig.unbounded()), 0, store)
    await h.pipe(p, 'a', change(1, null), 0)
    await h.pipe(p, 'a', change(2, 1), 5)
    await h.pipe(p, 'b', change(7, null), 6)
    expect(out()).toEqual([])
    await h.pipe(p, 'c', change(1, null), 10)
    expect(out()).toEqual(['a=2/null@5'])
    await h.pipe(p, 'b', change(null, 7), 16)
    expect(out()).toEqual(['b=null/null@16'])
  })

  it('emits the oldest early when a maxRecords buffer is full, or fails when told to', async () => {
    const early = await setup(
      Suppressed.untilTimeLimit(1000, BufferConfig.maxRecords(2)),
      0,
      testKeyValueStore<unknown, BufferedEntry<number>>(
        'buf',
        Serdes.json(),
        suppressBufferSerde(Serdes.json<number>()),
      ),
    )
    for (const [k, t] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      await early.h.pipe(early.p, k, change(t, null), t)
    expect(early.out()).toEqual(['a=1/null@1'])
    const strict = await setup(
      Suppressed.untilTimeLimit(1000, BufferConfig.maxRecords(1).shutDownWhenFull()),
      0,
      testKeyValueStore<unknown, BufferedEntry<number>>(
        'buf',
        Serdes.json(),
        suppressBufferSerde(Serdes.json<number>()),
      ),
    )
    await strict.h.pipe(strict.p, 'a', change(1, null), 1)
    await expect(strict.h.pipe(strict.p, 'b', change(1, null), 2)).rejects.toThrow(/buffer is full/)
  })

  it('round-trips buffer entries through the store serde', () => {
    const serde = suppressBufferSerde(Serdes.json<number>())
    const entry: BufferedEntry<number> = {
      time: 10,
      seq: 3,
      newValue: 5,
      priorValue: null,
      timestamp: 7,
      headers: { h: 'x', b: new Uint8Array([1, 2]) },
    }
    expect(serde.deserialize('t', serde.serialize('t', entry))).toEqual(entry)
  })
})
