import { afterEach, describe, expect, it } from 'vitest'
import { Consumed, Grouped, Materialized, Produced, Serdes, StreamsBuilder, TopologyTestDriver } from '../../index.ts'

const str = Serdes.string()
const num = Serdes.double()
const json = Serdes.json<any>()
let driver: TopologyTestDriver | undefined

afterEach(async () => {
  await driver?.close()
  driver = undefined
})

function run(build: (b: StreamsBuilder) => void, storeType: 'leveldb' | 'memory' = 'leveldb'): TopologyTestDriver {
  const builder = new StreamsBuilder({ defaultStoreType: storeType })
  build(builder)
  driver = new TopologyTestDriver(builder.build())
  return driver
}

describe('KGroupedStream aggregations', () => {
  it.each(['leveldb', 'memory'] as const)('count per key with out-of-order records (%s)', async (type) => {
    const d = run((b) => {
      b.stream('laps', Consumed.with(str, json))
        .groupByKey()
        .count(Materialized.as('laps-per-car'))
        .toStream()
        .to('counts', Produced.with(str, num))
    }, type)
    const input = d.createInputTopic('laps', str, json)
    await input.pipeInput('44', { lap: 2 }, 200)
    await input.pipeInput('16', { lap: 1 }, 100)
    await input.pipeInput('44', { lap: 1 }, 50)
    await input.pipeInput('44', null, 300)
    expect(d.createOutputTopic('counts', str, num).readRecordsToList()).toEqual([
      { key: '44', value: 1, timestamp: 200, headers: {} },
      { key: '16', value: 1, timestamp: 100, headers: {} },
      { key: '44', value: 2, timestamp: 50, headers: {} },
    ])
    const store = await d.getKeyValueStore<string, number>('laps-per-car')
    expect(await store.get('44')).toBe(2)
    expect(d.metrics().get('KSTREAM-AGGREGATE-0000000001.dropped-records')).toBe(1)
  })

  it('reduce and aggregate forward the running result', async () => {
    const d = run((b) => {
      const g = b.stream('speeds', Consumed.with(str, num)).groupByKey()
      g.reduce((a, v) => Math.max(a, v))
        .toStream()
        .to('max', Produced.with(str, num))
      g.aggregate(
        () => ({ n: 0, sum: 0 }),
        (_k, v, agg) => ({ n: agg.n + 1, sum: agg.sum + v }),
        Materialized.with(str, json),
      )
        .toStream()
        .to('avg', Produced.with(str, json))
    })
    const input = d.createInputTopic('speeds', str, num)
    for (const v of [300, 320, 310]) await input.pipeInput('44', v, 1)
    expect(d.createOutputTopic('max', str, num).readValuesToList()).toEqual([300, 320, 320])
    expect(d.createOutputTopic('avg', str, json).readValuesToList().at(-1)).toEqual({ n: 3, sum: 930 })
  })

  it('groupBy repartitions through <store>-repartition and aggregates in a second sub-topology', async () => {
    const builder = new StreamsBuilder()
    builder
      .stream('laps', Consumed.with(str, json))
      .groupBy((_k, v) => v.team, Grouped.with(str, json))
      .count(Materialized.as('laps-per-team'))
      .toStream()
      .to('team-counts', Produced.with(str, num))
    const topology = builder.build()
    const runnable = topology.runnable()
    expect(runnable.subtopologies.map((s) => s.sourceTopics)).toEqual([['laps'], ['laps-per-team-repartition']])
    expect(runnable.internalTopics).toEqual([
      {
        name: 'laps-per-team-repartition',
        kind: 'repartition',
        config: { 'cleanup.policy': 'delete', 'retention.ms': '-1' },
      },
      { name: 'laps-per-team-changelog', kind: 'changelog', config: { 'cleanup.policy': 'compact' } },
    ])
    driver = new TopologyTestDriver(topology)
    const input = driver.createInputTopic('laps', str, json)
    await input.pipeInput('44', { team: 'merc' }, 1)
    await input.pipeInput('63', { team: 'merc' }, 2)
    await input.pipeInput('16', { team: 'ferrari' }, 3)
    await input.pipeInput('1', { team: null }, 4)
    expect(driver.createOutputTopic('team-counts', str, num).readKeyValuesToMap()).toEqual(
      new Map([
        ['merc', 2],
        ['ferrari', 1],
      ]),
    )
    expect(driver.createOutputTopic('test-app-laps-per-team-repartition', str, json).getQueueSize()).toBe(3)
  })

  it('caching collapses updates until commit', async () => {
    const builder = new StreamsBuilder()
    builder.stream('in', Consumed.with(str, num)).groupByKey().count().toStream().to('out', Produced.with(str, num))
    driver = new TopologyTestDriver(builder.build(), { commitEvery: 3 })
    const input = driver.createInputTopic('in', str, num)
    const out = driver.createOutputTopic('out', str, num)
    await input.pipeInput('a', 1, 1)
    await input.pipeInput('a', 1, 2)
    expect(out.isEmpty()).toBe(true)
    await input.pipeInput('a', 1, 3)
    expect(out.readKeyValuesToList()).toEqual([{ key: 'a', value: 3 }])
  })
})

describe('tables', () => {
  it('table() upserts, deletes on tombstones and forwards changes; filter and mapValues follow', async () => {
    const d = run((b) => {
      const t = b.table('drivers', Consumed.with(str, json), Materialized.as('drivers-store'))
      t.toStream().to('all', Produced.with(str, json))
      t.filter((_k, v) => v.active)
        .mapValues((v) => v.name)
        .toStream()
        .to('active-names', Produced.with(str, str))
    })
    const input = d.createInputTopic('drivers', str, json)
    await input.pipeInput('44', { name: 'HAM', active: true }, 1)
    await input.pipeInput('3', { name: 'RIC', active: false }, 2)
    await input.pipeInput('44', { name: 'HAM', active: false }, 3)
    await input.pipeInput('3', null, 4)
    await input.pipeInput(null as unknown as string, { name: 'X', active: true }, 5)
    expect(d.createOutputTopic('all', str, json).readValuesToList()).toEqual([
      { name: 'HAM', active: true },
      { name: 'RIC', active: false },
      { name: 'HAM', active: false },
      null,
    ])
    // 3 was never active: its updates and its delete are invisible after the filter
    expect(d.createOutputTopic('active-names', str, str).readKeyValuesToList()).toEqual([
      { key: '44', value: 'HAM' },
      { key: '44', value: null },
    ])
    const store = await d.getKeyValueStore<string, unknown>('drivers-store')
    expect(await store.get('3')).toBeUndefined()
  })

  it('toTable keeps the latest value per key', async () => {
    const d = run((b) => {
      b.stream('in', Consumed.with(str, num))
        .toTable(Materialized.as('latest'))
        .toStream()
        .to('out', Produced.with(str, num))
    })
    const input = d.createInputTopic('in', str, num)
    await input.pipeInput('a', 1, 1)
    await input.pipeInput('a', 2, 2)
    expect(await (await d.getKeyValueStore<string, number>('latest')).get('a')).toBe(2)
    expect(d.createOutputTopic('out', str, num).readValuesToList()).toEqual([1, 2])
  })
})

describe('stream-table joins', () => {
  function joinTopology(left: boolean) {
    return (b: StreamsBuilder) => {
      const drivers = b.table('drivers', Consumed.with(str, str))
      const laps = b.stream('laps', Consumed.with(str, num))
      const joined = left
        ? laps.leftJoin(drivers, (ms, name) => `${name ?? '?'}:${ms}`)
        : laps.join(drivers, (ms, name) => `${name}:${ms}`)
      joined.to('out', Produced.with(str, str))
    }
  }

  it('join: only stream records trigger, table updates do not; missing rows drop', async () => {
    const d = run(joinTopology(false))
    const drivers = d.createInputTopic('drivers', str, str)
    const laps = d.createInputTopic('laps', str, num)
    await laps.pipeInput('44', 91, 1)
    await drivers.pipeInput('44', 'HAM', 2)
    await laps.pipeInput('44', 90, 3)
    await drivers.pipeInput('44', 'Lewis', 4)
    await laps.pipeInput('44', 89, 5)
    await drivers.pipeInput('44', null as unknown as string, 6)
    await laps.pipeInput('44', 88, 7)
    expect(
      d
        .createOutputTopic('out', str, str)
        .readRecordsToList()
        .map((r) => [r.value, r.timestamp]),
    ).toEqual([
      ['HAM:90', 3],
      ['Lewis:89', 5],
    ])
  })

  it('leftJoin passes null for a missing table row', async () => {
    const d = run(joinTopology(true))
    await d.createInputTopic('laps', str, num).pipeInput('16', 92, 1)
    expect(d.createOutputTopic('out', str, str).readValue()).toBe('?:92')
  })

  it('joins through unmaterialized mapValues/filter getters; a materialized filter is queryable', async () => {
    const d = run((b) => {
      const drivers = b.table('drivers', Consumed.with(str, str))
      const upper = drivers.mapValues((name) => name.toUpperCase()).filter((_k, name) => name !== 'BOT')
      drivers.filter((_k, name) => name.length > 3, Materialized.as('long-names'))
      b.stream('laps', Consumed.with(str, num))
        .leftJoin(upper, (ms, name) => `${name}:${ms}`)
        .to('out', Produced.with(str, str))
    })
    const drivers = d.createInputTopic('drivers', str, str)
    await drivers.pipeInput('44', 'ham', 1)
    await drivers.pipeInput('2', 'bot', 1)
    await drivers.pipeInput('16', 'leclerc', 1)
    const laps = d.createInputTopic('laps', str, num)
    for (const car of ['44', '2', '16']) await laps.pipeInput(car, 90, 2)
    expect(d.createOutputTopic('out', str, str).readValuesToList()).toEqual(['HAM:90', 'null:90', 'LECLERC:90'])
    const longNames = await d.getKeyValueStore<string, string>('long-names')
    expect([await longNames.get('16'), await longNames.get('44')]).toEqual(['leclerc', undefined])
  })

  it('reports the co-partition group of the join inputs', () => {
    const b = new StreamsBuilder()
    joinTopology(false)(b)
    expect(b.build().runnable().copartitionGroups).toEqual([['drivers', 'laps']])
  })
})
