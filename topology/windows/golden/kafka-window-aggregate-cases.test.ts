import { describe, expect, it } from 'vitest'
import { Consumed, Materialized, Produced, Serdes, TimeWindows } from '../../index.ts'
import { drive, lines } from './driver-harness.ts'

const str = Serdes.string()

/** Kafka's KStreamWindowAggregateTest: same topology, inputs and expected output records. */
function kafkaCase(windows: TimeWindows, retentionMs?: number) {
  return drive((b) => {
    const materialized = Materialized.as<string, string>('topic1-Canonicalized')
      .withValueSerde(str)
      .withCachingDisabled()
      .withLoggingDisabled()
    b.stream('topic', Consumed.with(str, str))
      .groupByKey()
      .windowedBy(windows)
      .aggregate(
        () => '',
        (_k, v, agg) => `${agg}+${v}`,
        retentionMs === undefined ? materialized : materialized.withRetention(retentionMs),
      )
      .toStream()
      .map((key, value) => ({ key: `[${key.key}@${key.window.start}/${key.window.end}]`, value }))
      .to('output', Produced.with(str, str))
  })
}

describe('KStreamWindowAggregateTest cases through the driver', () => {
  it('shouldLogAndMeterWhenSkippingExpiredWindow: hopping windows, late records dropped per expired window', async () => {
    const d = kafkaCase(TimeWindows.ofSizeAndGrace(10, 90).advanceBy(5), 100)
    const input = d.createInputTopic('topic', str, str)
    await input.pipeInput('k', '100', 100)
    for (const t of [0, 1, 2, 3, 4, 5, 6]) await input.pipeInput('k', String(t), t)
    expect(d.metrics().get('KSTREAM-AGGREGATE-0000000001.dropped-records')).toBe(7)
    expect(lines(d.createOutputTopic('output', str, str).readRecordsToList())).toEqual([
      '[k@95/105]:+100@100',
      '[k@100/110]:+100@100',
      '[k@5/15]:+5@5',
      '[k@5/15]:+5+6@6',
    ])
  })

  it('shouldLogAndMeterWhenSkippingExpiredWindowByGrace: tumbling windows closed by grace', async () => {
    const d = kafkaCase(TimeWindows.ofSizeAndGrace(10, 90).advanceBy(10))
    const input = d.createInputTopic('topic', str, str)
    await input.pipeInput('k', '100', 200)
    for (const t of [100, 101, 102, 103, 104, 105]) await input.pipeInput('k', String(t - 100), t)
    await input.pipeInput('k', '6', 6)
    expect(d.metrics().get('KSTREAM-AGGREGATE-0000000001.dropped-records')).toBe(7)
    expect(lines(d.createOutputTopic('output', str, str).readRecordsToList())).toEqual(['[k@200/210]:+100@200'])
  })
})
