import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serdes.ts'
import { SessionWindows } from '../../windows/session-windows.ts'
import { sessionWindowAggregate } from './session-window-aggregate.ts'
import { ProcessorHarness } from './testing/processor-harness.ts'
import { testSessionStore } from './testing/test-stores.ts'

async function sessions(windows: SessionWindows) {
  const store = testSessionStore<string, number>('s', Serdes.string(), windows.defaultRetentionMs())
  const h = new ProcessorHarness([store])
  const p = await h.add(
    sessionWindowAggregate<string, string, number>({
      storeName: 's',
      windows,
      initializer: () => 0,
      aggregator: (_k, _v, n) => n + 1,
      merger: (_k, a, b) => a + b,
    }),
  )
  return { h, p }
}

const brief = (out: { key: unknown; value: unknown; timestamp: number }[]) =>
  out.map((r) => {
    const k = r.key as { key: string; window: { start: number; end: number } }
    const v = r.value as { newValue: number | null; oldValue: number | null }
    return `${k.key}[${k.window.start},${k.window.end}]=${v.newValue}/${v.oldValue}@${r.timestamp}`
  })

describe('sessionWindowAggregate', () => {
  it('extends a session within the gap, retracting the previous session', async () => {
    const { h, p } = await sessions(SessionWindows.ofInactivityGapAndGrace(10, 0))
    await h.pipe(p, 'A', 'x', 0)
    await h.pipe(p, 'A', 'x', 8)
    await h.pipe(p, 'A', 'x', 30)
    expect(brief(h.drain())).toEqual(['A[0,0]=1/null@0', 'A[0,0]=null/1@0', 'A[0,8]=2/null@8', 'A[30,30]=1/null@30'])
  })

  it('merges two sessions bridged by an out-of-order record', async () => {
    const { h, p } = await sessions(SessionWindows.ofInactivityGapAndGrace(10, 100))
    await h.pipe(p, 'A', 'x', 0)
    await h.pipe(p, 'A', 'x', 20)
    h.drain()
    await h.pipe(p, 'A', 'x', 10)
    expect(brief(h.drain())).toEqual(['A[0,0]=null/1@0', 'A[20,20]=null/1@20', 'A[0,20]=3/null@20'])
  })

  it('drops records whose session closed and counts them', async () => {
    const { h, p } = await sessions(SessionWindows.ofInactivityGapAndGrace(5, 10))
    await h.pipe(p, 'A', 'x', 100)
    h.drain()
    await h.pipe(p, 'B', 'x', 89) // close time 90: the session [89,89] ended before it
    await h.pipe(p, 'B', 'x', 90) // ends exactly at close time: still accepted
    expect(brief(h.drain())).toEqual(['B[90,90]=1/null@90'])
    expect(h.metrics.get('dropped-records')).toBe(1)
  })
})
