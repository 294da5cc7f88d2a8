import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BufferConfig,
  Consumed,
  Produced,
  Serdes,
  StreamsBuilder,
  Suppressed,
  TimeWindows,
  TopologyTestDriver,
  WindowedSerdes,
} from '../../index.ts'

const str = Serdes.string()
const num = Serdes.double()

/** The reference model: Kafka's drop rule and one final count per closed window. */
function expectedFinals(
  records: { key: string; t: number }[],
  windows: TimeWindows,
  finalStreamTime: number,
): Map<string, number> {
  const counts = new Map<string, number>()
  let streamTime = -1
  for (const { key, t } of records) {
    streamTime = Math.max(streamTime, t)
    for (const [start, w] of windows.windowsFor(t)) {
      if (w.end <= streamTime - windows.graceMs) continue
      const id = `${key}@${start}`
      counts.set(id, (counts.get(id) ?? 0) + 1)
    }
  }
  for (const id of [...counts.keys()]) {
    const start = Number(id.split('@')[1])
    if (start + windows.sizeMs + windows.graceMs > finalStreamTime) counts.delete(id)
  }
  return counts
}

describe('suppress(untilWindowCloses) property', () => {
  it('emits exactly one final count per closed window, equal to the model, for random disordered input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }).chain((advanceSteps) =>
          fc.record({
            advance: fc.constant(advanceSteps * 5),
            sizeFactor: fc.integer({ min: 1, max: 3 }),
            grace: fc.integer({ min: 0, max: 30 }),
            records: fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c'), t: fc.integer({ min: 0, max: 200 }) }), {
              maxLength: 40,
            }),
          }),
        ),
        async ({ advance, sizeFactor, grace, records }) => {
          const windows = TimeWindows.ofSizeAndGrace(advance * sizeFactor, grace).advanceBy(advance)
          const keySerde = WindowedSerdes.timeWindowed(str, windows.sizeMs)
          const builder = new StreamsBuilder({ defaultStoreType: 'memory' })
          builder
            .stream('in', Consumed.with(str, str))
            .groupByKey()
            .windowedBy(windows)
            .count()
            .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))
            .toStream()
            .to('final', Produced.with(keySerde, num))
          const driver = new TopologyTestDriver(builder.build())
          try {
            const input = driver.createInputTopic('in', str, str)
            for (const r of records) await input.pipeInput(r.key, 'x', r.t)
            const flushTime = 10_000
            await input.pipeInput('z', 'flush', flushTime)
            const finals = driver.createOutputTopic('final', keySerde, num).readRecordsToList()
            const seen = new Map<string, number>()
            for (const f of finals) {
              const id = `${f.key.key}@${f.key.window.start}`
              expect(seen.has(id)).toBe(false)
              seen.set(id, f.value)
            }
            expect(seen).toEqual(expectedFinals(records, windows, flushTime))
          } finally {
            await driver.close()
          }
        },
      ),
      { numRuns: 40 },
    )
  })
})
