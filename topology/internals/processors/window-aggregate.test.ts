import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serdes.ts'
import { TimeWindows } from '../../windows/time-windows.ts'
import { ProcessorHarness } from './testing/processor-harness.ts'
import { testWindowStore } from './testing/test-stores.ts'
import { valueAndTimestampSerde } from './value-and-timestamp.ts'
import { windowAggregate } from './window-aggregate.ts'

async function counter(windows: TimeWindows) {
  const store = testWindowStore(
    'w',
    Serdes.string(),
    windows.defaultRetentionMs(),
    windows.sizeMs,
    false,
    valueAndTimestampSerde(Serdes.json()),
  )
  const h = new ProcessorHarness([store])
  const p = await h.add(
    windowAggregate<string, string, number>({
      storeName: 'w',
      windows,
      initializer: () => 0,
      aggregator: (_k, _v, n) => n + 1,
    }),
  )
  return { h, p }
}

const brief = (out: { key: unknown; value: unknown; timestamp: number }[]) =>
  out.map((r) => {
    const k = r.key as { key: string; window: { start: number; end: number } }
    const v = r.value as { newValue: number; oldValue: number | null }
    return `${k.key}[${k.window.start},${k.window.end})=${v.newValue}/${v.oldValue}@${r.timestamp}`
  })

describe('windowAggregate', () => {
  it('counts tumbling windows and forwards changes with the old aggregate', async () => {
    const { h, p } = await counter(TimeWindows.ofSizeWithNoGrace(10))
    await h.pipe(p, 'A', 'x', 3)
    await h.pipe(p, 'A', 'x', 7)
    await h.pipe(p, 'B', 'x', 12)
    expect(brief(h.drain())).toEqual(['A[0,10)=1/null@3', 'A[0,10)=2/1@7', 'B[10,20)=1/null@12'])
  })

  it('updates every hopping window that contains the record', async () => {
    const { h, p } = await counter(TimeWindows.ofSizeAndGrace(10, 100).advanceBy(5))
    await h.pipe(p, 'A', 'x', 12)
    expect(brief(h.drain())).toEqual(['A[5,15)=1/null@12', 'A[10,20)=1/null@12'])
    await h.pipe(p, 'A', 'x', 7)
    expect(brief(h.drain())).toEqual(['A[0,10)=1/null@7', 'A[5,15)=2/1@12'])
    await h.pipe(p, 'A', 'x', 2) // no window starts before 0
    expect(brief(h.drain())).toEqual(['A[0,10)=2/1@7'])
  })

  it('accepts out-of-order records within grace and drops later ones per window', async () => {
    const { h, p } = await counter(TimeWindows.ofSizeAndGrace(10, 5).advanceBy(5))
    await h.pipe(p, 'A', 'x', 20) // stream time 20, close time 15
    h.drain()
    await h.pipe(p, 'A', 'x', 11) // windows [5,15) closed (15 <= 15), [10,20) open
    expect(brief(h.drain())).toEqual(['A[10,20)=1/null@11'])
    expect(h.metrics.get('dropped-records')).toBe(1)
    await h.pipe(p, 'A', 'x', 4) // [0,10) and [-5,..) -> only [0,10) exists and is closed
    expect(h.drain()).toEqual([])
    expect(h.metrics.get('dropped-records')).toBe(2)
  })

  it('skips records with a null key', async () => {
    const { h, p } = await counter(TimeWindows.ofSizeWithNoGrace(10))
    await h.pipe(p, null as unknown as string, 'x', 1)
    expect(h.drain()).toEqual([])
    expect(h.metrics.get('dropped-records')).toBe(1)
  })
})
