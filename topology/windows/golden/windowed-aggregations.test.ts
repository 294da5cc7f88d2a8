import { describe, expect, it } from 'vitest'
import {
  Consumed,
  Materialized,
  Produced,
  Serdes,
  SessionWindows,
  SlidingWindows,
  TimeWindows,
  type TopologyTestDriver,
  WindowedSerdes,
} from '../../index.ts'
import { drive, windowedLines } from './driver-harness.ts'

const str = Serdes.string()
const num = Serdes.double()

function readWindowed(d: TopologyTestDriver, topic: string, size: number) {
  return windowedLines(d.createOutputTopic(topic, WindowedSerdes.timeWindowed(str, size), num).readRecordsToList())
}

describe('tumbling and hopping windows (TimeWindows)', () => {
  it.each(['leveldb', 'memory'] as const)(
    'counts tumbling windows and drops records later than the window end (%s)',
    async (type) => {
      const d = drive((b) => {
        b.stream('laps', Consumed.with(str, str))
          .groupByKey()
          .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
          .count(Materialized.as('lap-counts'))
          .toStream()
          .to('counts')
      }, type)
      const input = d.createInputTopic('laps', str, str)
      await input.pipeInput('A', 'x', 0)
      await input.pipeInput('A', 'x', 5)
      await input.pipeInput('B', 'x', 7)
      await input.pipeInput('A', 'x', 12)
      await input.pipeInput('A', 'late', 3) // window [0,10) closed at stream time 12
      await input.pipeInput('B', 'x', 10)
      expect(readWindowed(d, 'counts', 10)).toEqual([
        'A[0,10)=1@0',
        'A[0,10)=2@5',
        'B[0,10)=1@7',
        'A[10,20)=1@12',
        'B[10,20)=1@10',
      ])
      expect(d.metrics().get('KSTREAM-AGGREGATE-0000000001.dropped-records')).toBe(1)
      const store = await d.getWindowStore<string, { value: number; timestamp: number }>('lap-counts')
      expect(await store.fetch('A', 10)).toEqual({ value: 1, timestamp: 12 })
      expect(await store.fetch('A', 0)).toBeUndefined() // past retention (size + grace)
    },
  )

  it('updates every hopping window of a record, accepts out-of-order records within grace, drops later ones per window', async () => {
    const d = drive((b) => {
      b.stream('speeds', Consumed.with(str, num))
        .groupByKey()
        .windowedBy(TimeWindows.ofSizeAndGrace(10, 5).advanceBy(5))
        .reduce((a, v) => Math.max(a, v), Materialized.as('max-speed'))
        .toStream()
        .to('max', Produced.with(WindowedSerdes.timeWindowed(str, 10), num))
    })
    const input = d.createInputTopic('speeds', str, num)
    await input.pipeInput('A', 300, 3)
    await input.pipeInput('A', 310, 12)
    await input.pipeInput('A', 320, 7) // stream time 12, close time 7: both windows of t=7 open
    await input.pipeInput('A', 290, 20) // stream time 20, close time 15
    await input.pipeInput('A', 400, 9) // [0,10) and [5,15) are closed: dropped twice
    await input.pipeInput('A', 330, 11) // [5,15) closed, [10,20) open
    expect(readWindowed(d, 'max', 10)).toEqual([
      'A[0,10)=300@3',
      'A[5,15)=310@12',
      'A[10,20)=310@12',
      'A[0,10)=320@7',
      'A[5,15)=320@12',
      'A[15,25)=290@20',
      'A[20,30)=290@20',
      'A[10,20)=330@12',
    ])
    expect(d.metrics().get('KSTREAM-REDUCE-0000000001.dropped-records')).toBe(3)
  })

  it('a 10 s hopping window with 1 s advance puts each record in ten windows', async () => {
    const d = drive((b) => {
      b.stream('laps', Consumed.with(str, str))
        .groupByKey()
        .windowedBy(TimeWindows.ofSizeWithNoGrace(10_000).advanceBy(1_000))
        .aggregate(
          () => '',
          (_k, v, agg) => agg + v,
        )
        .toStream()
        .to('out', Produced.with(WindowedSerdes.timeWindowed(str, 10_000), str))
    })
    await d.createInputTopic('laps', str, str).pipeInput('A', 'a', 12_500)
    const out = d.createOutputTopic('out', WindowedSerdes.timeWindowed(str, 10_000), str).readKeyValuesToList()
    expect(out.map((r) => r.key.window.start)).toEqual([
      3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000, 11_000, 12_000,
    ])
    expect(out.every((r) => r.value === 'a')).toBe(true)
  })

  it('with caching and commits every 3 records, a window is forwarded once per commit', async () => {
    const d = drive(
      (b) => {
        b.stream('laps', Consumed.with(str, str))
          .groupByKey()
          .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
          .count(Materialized.as<string, number>('cached').withCachingEnabled())
          .toStream()
          .to('counts')
      },
      'leveldb',
      { commitEvery: 3 },
    )
    const input = d.createInputTopic('laps', str, str)
    for (const t of [1, 2, 3, 4, 5, 6]) await input.pipeInput('A', 'x', t)
    expect(readWindowed(d, 'counts', 10)).toEqual(['A[0,10)=3@3', 'A[0,10)=6@6'])
  })
})

describe('sliding windows (SlidingWindows, KStreamSlidingWindowAggregateTest inputs)', () => {
  it.each(['leveldb', 'memory'] as const)(
    'aggregates into record-defined windows, in and out of order (%s)',
    async (type) => {
      const d = drive((b) => {
        b.stream('in', Consumed.with(str, str))
          .groupByKey()
          .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(10, 50))
          .aggregate(
            () => '0',
            (_k, v, agg) => `${agg}+${v}`,
            Materialized.as<string, string>('sliding').withValueSerde(str).withCachingDisabled(),
          )
          .toStream()
          .to('out', Produced.with(WindowedSerdes.timeWindowed(str, 10), str))
      }, type)
      const input = d.createInputTopic('in', str, str)
      for (const [v, t] of [
        ['1', 10],
        ['2', 20],
        ['3', 22],
        ['4', 15],
      ] as const)
        await input.pipeInput('A', v, t)
      const out = windowedLines(
        d.createOutputTopic('out', WindowedSerdes.timeWindowed(str, 10), str).readRecordsToList(),
      )
      // A@20 creates A@10's right window, then its own left window; A@22 updates [11,21), creates
      // A@20's right window and its own left window; A@15 (out of order) updates the three windows
      // containing it, creates its left window and its right window from [11,21)'s contents.
      expect(out).toEqual([
        'A[0,10)=0+1@10',
        'A[11,21)=0+2@20',
        'A[10,20)=0+1+2@20',
        'A[21,31)=0+3@22',
        'A[12,22)=0+2+3@22',
        'A[10,20)=0+1+2+4@20',
        'A[11,21)=0+2+4@20',
        'A[12,22)=0+2+3+4@22',
        'A[5,15)=0+1+4@15',
        'A[16,26)=0+2+3@22',
      ])
    },
  )
})

describe('sliding windows with the store cache', () => {
  it('reads windows back through the cache and flushes the same final values (KStreamSlidingWindowAggregateTest small input)', async () => {
    const d = drive(
      (b) => {
        b.stream('in', Consumed.with(str, str))
          .groupByKey()
          .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(10, 50))
          .aggregate(
            () => '0',
            (_k, v, agg) => `${agg}+${v}`,
            Materialized.as<string, string>('cached-sliding').withValueSerde(str),
          )
          .toStream()
          .to('out', Produced.with(WindowedSerdes.timeWindowed(str, 10), str))
      },
      'leveldb',
      { commitEvery: 100 },
    )
    const input = d.createInputTopic('in', str, str)
    for (const [v, t] of [
      ['1', 10],
      ['2', 15],
      ['3', 20],
      ['4', 22],
      ['5', 30],
    ] as const)
      await input.pipeInput('A', v, t)
    const out = d.createOutputTopic('out', WindowedSerdes.timeWindowed(str, 10), str)
    expect(out.isEmpty()).toBe(true) // nothing forwarded before the cache flushes
    await d.advanceWallClockTime(1) // commits
    const records = out.readRecordsToList()
    expect(records).toHaveLength(9) // one flushed result per window
    const last = new Map<number, string>()
    for (const r of records) last.set(r.key.window.start, `${r.value}@${r.timestamp}`)
    expect(Object.fromEntries(last)).toEqual({
      0: '0+1@10',
      5: '0+1+2@15',
      10: '0+1+2+3@20',
      11: '0+2+3@20',
      12: '0+2+3+4@22',
      16: '0+3+4@22',
      20: '0+3+4+5@30',
      21: '0+4+5@30',
      23: '0+5@30',
    })
  })
})

describe('session windows (SessionWindows)', () => {
  it.each(['leveldb', 'memory'] as const)(
    'merges sessions, retracts merged ones with tombstones and drops late records (%s)',
    async (type) => {
      const sessionKey = WindowedSerdes.sessionWindowed(str)
      const d = drive((b) => {
        b.stream('clicks', Consumed.with(str, str))
          .groupByKey()
          .windowedBy(SessionWindows.ofInactivityGapAndGrace(10, 20))
          .count(Materialized.as('sessions'))
          .toStream()
          .to('out', Produced.with(sessionKey, num))
      }, type)
      const input = d.createInputTopic('clicks', str, str)
      await input.pipeInput('A', 'x', 5)
      await input.pipeInput('A', 'x', 30)
      await input.pipeInput('A', 'x', 20) // within the gap of [30,30] only
      await input.pipeInput('A', 'x', 10) // bridges [5,5] and [20,30]
      await input.pipeInput('A', 'x', 100) // stream time 100, close time 80
      await input.pipeInput('A', 'x', 45) // its session [45,45] ended before close time 80: dropped
      const out = d.createOutputTopic('out', sessionKey, num).readRecordsToList()
      expect(out.map((r) => `[${r.key.window.start},${r.key.window.end}]=${r.value}@${r.timestamp}`)).toEqual([
        '[5,5]=1@5',
        '[30,30]=1@30',
        '[30,30]=null@30',
        '[20,30]=2@30',
        '[5,5]=null@5',
        '[20,30]=null@30',
        '[5,30]=4@30',
        '[100,100]=1@100',
      ])
      expect(d.metrics().get('KSTREAM-AGGREGATE-0000000001.dropped-records')).toBe(1)
      const store = await d.getSessionStore<string, number>('sessions')
      expect(await store.fetchSession('A', 100, 100)).toBe(1)
      expect(await store.fetchSession('A', 5, 30)).toBeUndefined() // past retention (gap + grace)
    },
  )
})
