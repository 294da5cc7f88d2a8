import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Consumed, Materialized, Produced, Serdes, StreamsBuilder, TopologyTestDriver } from '../index.ts'

describe('test-driver README example', () => {
  it('runs and prints what the README says', async () => {
    const readme = readFileSync(resolve(import.meta.dirname, 'README.md'), 'utf8')
    const builder = new StreamsBuilder()
    builder
      .stream('laps', Consumed.with(Serdes.string(), Serdes.json<{ ms: number }>()))
      .filter((_car, lap) => lap.ms < 90_000)
      .groupByKey()
      .count(Materialized.as('fast-laps'))
      .toStream()
      .to('fast-lap-counts', Produced.with(Serdes.string(), Serdes.double()))

    const driver = new TopologyTestDriver(builder.build())
    const laps = driver.createInputTopic('laps', Serdes.string(), Serdes.json<{ ms: number }>())
    const counts = driver.createOutputTopic('fast-lap-counts', Serdes.string(), Serdes.double())
    await laps.pipeInput('44', { ms: 89_500 }, 1_000)
    await laps.pipeInput('44', { ms: 91_200 }, 2_000)
    await laps.pipeInput('16', { ms: 89_900 }, 3_000)
    await laps.pipeInput('44', { ms: 89_100 }, 4_000)

    const list = counts.readKeyValuesToList()
    expect(list).toEqual([
      { key: '44', value: 1 },
      { key: '16', value: 1 },
      { key: '44', value: 2 },
    ])
    expect(readme).toContain(`// [ { key: '44', value: 1 }, { key: '16', value: 1 }, { key: '44', value: 2 } ]`)
    const store = await driver.getKeyValueStore<string, number>('fast-laps')
    expect(await store.get('44')).toBe(2)
    await driver.close()
  })
})
