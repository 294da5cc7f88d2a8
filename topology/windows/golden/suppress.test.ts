import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  BufferConfig,
  Consumed,
  Materialized,
  Produced,
  Serdes,
  StreamsBuilder,
  Suppressed,
  TimeWindows,
  TopologyTestDriver,
  WindowedSerdes,
} from '../../index.ts'
import { drive, lines, windowedLines } from './driver-harness.ts'

const str = Serdes.string()
const num = Serdes.double()
const windowed = WindowedSerdes.timeWindowed(str, 10)

function finalCounts(b: StreamsBuilder, windows = TimeWindows.ofSizeAndGrace(10, 5)) {
  b.stream('laps', Consumed.with(str, str))
    .groupByKey()
    .windowedBy(windows)
    .count(Materialized.as('counts'))
    .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))
    .toStream()
    .to('final', Produced.with(windowed, num))
}

describe('suppress(untilWindowCloses)', () => {
  it.each(['leveldb', 'memory'] as const)(
    'emits exactly one final result per window, nothing before it closes (%s)',
    async (type) => {
      const d = drive((b) => finalCounts(b), type)
      const input = d.createInputTopic('laps', str, str)
      const out = d.createOutputTopic('final', windowed, num)
      await input.pipeInput('A', 'x', 1)
      await input.pipeInput('A', 'x', 4)
      await input.pipeInput('B', 'x', 9)
      await input.pipeInput('A', 'x', 12)
      await input.pipeInput('A', 'x', 8) // out of order, within grace (window end 10 > close time 7)
      await input.pipeInput('A', 'x', 14)
      expect(out.isEmpty()).toBe(true) // stream time 14 < 10 + 5
      await input.pipeInput('C', 'x', 15) // stream time 15 = end + grace: [0,10) closes
      expect(windowedLines(out.readRecordsToList())).toEqual(['A[0,10)=3@8', 'B[0,10)=1@9'])
      await input.pipeInput('A', 'late', 2) // window already closed: dropped by the aggregation, nothing new
      await input.pipeInput('A', 'x', 24)
      expect(out.isEmpty()).toBe(true)
      await input.pipeInput('A', 'x', 25)
      expect(windowedLines(out.readRecordsToList())).toEqual(['A[10,20)=2@14', 'C[10,20)=1@15'])
      expect(d.metrics().get('KSTREAM-AGGREGATE-0000000001.dropped-records')).toBe(1)
    },
  )

  it('keeps buffered results across a restart (LevelDB state directory reused)', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'pitwall-suppress-'))
    try {
      const build = () => {
        const b = new StreamsBuilder()
        finalCounts(b, TimeWindows.ofSizeWithNoGrace(10))
        return b.build()
      }
      const first = new TopologyTestDriver(build(), { stateDir })
      await first.createInputTopic('laps', str, str).pipeInput('A', 'x', 3)
      expect(first.createOutputTopic('final', windowed, num).isEmpty()).toBe(true)
      await first.close()
      const second = new TopologyTestDriver(build(), { stateDir })
      await second.createInputTopic('laps', str, str).pipeInput('B', 'x', 10)
      expect(windowedLines(second.createOutputTopic('final', windowed, num).readRecordsToList())).toEqual([
        'A[0,10)=1@3',
      ])
      await second.close()
    } finally {
      rmSync(stateDir, { recursive: true, force: true })
    }
  })

  it('rejects a table that is not windowed, naming the node', () => {
    const b = new StreamsBuilder()
    const table = b.stream('laps', Consumed.with(str, str)).groupByKey().count()
    expect(() => table.suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))).toThrow(
      /untilWindowCloses needs a windowed table/,
    )
  })
})

describe('suppress(untilTimeLimit)', () => {
  it('forwards the latest value per key once the time limit passed in stream time', async () => {
    const d = drive((b) => {
      b.table('speeds', Consumed.with(str, num))
        .suppress(Suppressed.untilTimeLimit(10, BufferConfig.maxRecords(100)))
        .toStream()
        .to('limited', Produced.with(str, num))
    })
    const input = d.createInputTopic('speeds', str, num)
    await input.pipeInput('A', 1, 0)
    await input.pipeInput('A', 2, 5)
    await input.pipeInput('B', 7, 6)
    await input.pipeInput('C', 1, 9)
    const out = d.createOutputTopic('limited', str, num)
    expect(out.isEmpty()).toBe(true)
    await input.pipeInput('C', 2, 10) // A was buffered at 0: 10 - 0 >= 10
    expect(lines(out.readRecordsToList())).toEqual(['A:2@5'])
    await input.pipeInput('D', 1, 19)
    expect(lines(out.readRecordsToList())).toEqual(['B:7@6', 'C:2@10'])
  })
})
