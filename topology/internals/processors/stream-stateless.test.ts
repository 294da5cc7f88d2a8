import { afterEach, describe, expect, it } from 'vitest'
import { Branched, Consumed, Named, Produced, Serdes, StreamsBuilder, TopologyTestDriver } from '../../index.ts'

const str = Serdes.string()
const json = Serdes.json<any>()
let driver: TopologyTestDriver | undefined

afterEach(async () => {
  await driver?.close()
  driver = undefined
})

function run(build: (b: StreamsBuilder) => void): TopologyTestDriver {
  const builder = new StreamsBuilder()
  build(builder)
  driver = new TopologyTestDriver(builder.build())
  return driver
}

describe('stateless KStream operators', () => {
  it('filter, filterNot, mapValues and map keep order and timestamps', async () => {
    const d = run((b) => {
      const s = b.stream('in', Consumed.with(str, json))
      s.filter((_k, v) => v.speed > 300)
        .mapValues((v) => v.speed)
        .to('fast', Produced.with(str, json))
      s.filterNot((_k, v) => v.speed > 300)
        .map((k, v) => ({ key: `${k}-slow`, value: v.speed * 2 }))
        .to('slow', Produced.with(str, json))
    })
    const input = d.createInputTopic('in', str, json)
    await input.pipeInput('44', { speed: 310 }, 30)
    await input.pipeInput('1', { speed: 290 }, 10)
    await input.pipeInput('16', { speed: 320 }, 20)
    expect(d.createOutputTopic('fast', str, json).readRecordsToList()).toEqual([
      { key: '44', value: 310, timestamp: 30, headers: {} },
      { key: '16', value: 320, timestamp: 20, headers: {} },
    ])
    expect(d.createOutputTopic('slow', str, json).readKeyValuesToList()).toEqual([{ key: '1-slow', value: 580 }])
  })

  it('flatMap, flatMapValues, selectKey, peek and foreach', async () => {
    const seen: string[] = []
    const d = run((b) => {
      const s = b.stream('in', Consumed.with(str, str))
      s.flatMapValues((v) => v.split(' '))
        .peek((k, v) => seen.push(`${k}:${v}`))
        .to('words', Produced.with(str, str))
      s.flatMap((k, v) => [...v].slice(0, 2).map((c) => ({ key: c, value: k }))).to('chars', Produced.with(str, str))
      s.selectKey((_k, v) => v.length).to('by-length', Produced.with(Serdes.double(), str))
      s.foreach((k) => seen.push(`each:${k}`))
    })
    await d.createInputTopic('in', str, str).pipeInput('a', 'go fast', 5)
    expect(d.createOutputTopic('words', str, str).readValuesToList()).toEqual(['go', 'fast'])
    expect(d.createOutputTopic('chars', str, str).readKeyValuesToList()).toEqual([
      { key: 'g', value: 'a' },
      { key: 'o', value: 'a' },
    ])
    expect(d.createOutputTopic('by-length', Serdes.double(), str).readKeyValue()).toEqual({ key: 7, value: 'go fast' })
    expect(seen).toEqual(['a:go', 'a:fast', 'each:a'])
  })

  it('split routes to the first matching branch, then the default; merge joins streams', async () => {
    const d = run((b) => {
      const branches = b
        .stream('in', Consumed.with(str, Serdes.double()))
        .split(Named.as('speed-'))
        .branch((_k, v) => v > 300, Branched.as('fast'))
        .branch((_k, v) => v > 200)
        .defaultBranch()
      expect(Object.keys(branches)).toEqual(['speed-fast', 'speed-2', 'speed-0'])
      branches['speed-fast']!.to('fast', Produced.with(str, Serdes.double()))
      branches['speed-2']!.merge(branches['speed-0']!).to('rest', Produced.with(str, Serdes.double()))
    })
    const input = d.createInputTopic('in', str, Serdes.double())
    for (const [k, v] of [
      ['a', 350],
      ['b', 250],
      ['c', 100],
      ['d', 301],
    ] as const)
      await input.pipeInput(k, v, 1)
    expect(
      d
        .createOutputTopic('fast', str, Serdes.double())
        .readKeyValuesToList()
        .map((r) => r.key),
    ).toEqual(['a', 'd'])
    expect(
      d
        .createOutputTopic('rest', str, Serdes.double())
        .readKeyValuesToList()
        .map((r) => r.key),
    ).toEqual(['b', 'c'])
  })

  it('to() with a topic extractor and a stream partitioner', async () => {
    const d = run((b) => {
      b.stream('in', Consumed.with(str, str)).to(
        (_k, v) => `out-${v}`,
        Produced.with(str, str).withStreamPartitioner(() => 0),
      )
    })
    const input = d.createInputTopic('in', str, str)
    await input.pipeInput('a', 'x')
    await input.pipeInput('b', 'y')
    expect(d.createOutputTopic('out-x', str, str).readKeyValue()).toEqual({ key: 'a', value: 'x' })
    expect(d.createOutputTopic('out-y', str, str).readKeyValue()).toEqual({ key: 'b', value: 'y' })
  })
})
