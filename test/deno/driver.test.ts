/**
 * @module
 * Deno subset of the TopologyTestDriver tests: the DSL, the task and the driver behave the same on
 * Deno 2 (stateless operators, an aggregation with a repartition on LevelDB and in memory, a
 * stream-table join, dead-lettering). Run by `npm run test:deno`.
 */
import {
  Consumed,
  Grouped,
  Materialized,
  Produced,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
} from '../../topology/index.ts'

declare const Deno: { test(name: string, fn: () => void | Promise<void>): void }

function assertEqual(actual: unknown, expected: unknown, what: string): void {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)]
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`)
}

const str = Serdes.string()
const num = Serdes.double()

Deno.test('stateless operators through the driver', async () => {
  const b = new StreamsBuilder()
  b.stream('in', Consumed.with(str, num))
    .filter((_k, v) => v > 1)
    .map((k, v) => ({ key: `${k}!`, value: v * 10 }))
    .to('out', Produced.with(str, num))
  const driver = new TopologyTestDriver(b.build())
  const input = driver.createInputTopic('in', str, num)
  for (const v of [1, 2, 3]) await input.pipeInput('k', v, v)
  assertEqual(driver.createOutputTopic('out', str, num).readValuesToList(), [20, 30], 'mapped values')
  await driver.close()
})

for (const storeType of ['leveldb', 'memory'] as const) {
  Deno.test(`groupBy + count with a repartition (${storeType})`, async () => {
    const b = new StreamsBuilder({ defaultStoreType: storeType })
    b.stream('laps', Consumed.with(str, Serdes.json<{ team: string }>()))
      .groupBy((_k, v) => v.team, Grouped.with(str, Serdes.json()))
      .count(Materialized.as('per-team'))
      .toStream()
      .to('counts', Produced.with(str, num))
    const driver = new TopologyTestDriver(b.build())
    const input = driver.createInputTopic('laps', str, Serdes.json<{ team: string }>())
    await input.pipeInput('44', { team: 'merc' }, 1)
    await input.pipeInput('16', { team: 'ferrari' }, 2)
    await input.pipeInput('63', { team: 'merc' }, 3)
    assertEqual(
      driver.createOutputTopic('counts', str, num).readKeyValuesToList().at(-1),
      { key: 'merc', value: 2 },
      'last count',
    )
    const store = await driver.getKeyValueStore<string, number>('per-team')
    assertEqual(await store.get('merc'), 2, 'stored count')
    await driver.close()
  })
}

Deno.test('stream-table leftJoin and dead-lettering', async () => {
  const b = new StreamsBuilder({ defaultStoreType: 'memory' })
  const drivers = b.table('drivers', Consumed.with(str, str))
  b.stream('laps', Consumed.with(str, Serdes.json<number>()))
    .leftJoin(drivers, (ms, name) => `${name ?? '?'}:${ms}`)
    .to('out', Produced.with(str, str))
  const driver = new TopologyTestDriver(b.build(), { deserializationErrorHandler: 'continue', deadLetterTopic: 'dlq' })
  await driver.createInputTopic('drivers', str, str).pipeInput('44', 'HAM', 1)
  const laps = driver.createInputTopic('laps', str, Serdes.json<number>())
  await laps.pipeInput('44', 90, 2)
  await laps.pipeRaw(null, new TextEncoder().encode('{'), 3)
  await laps.pipeInput('1', 91, 4)
  assertEqual(driver.createOutputTopic('out', str, str).readValuesToList(), ['HAM:90', '?:91'], 'joined')
  assertEqual(driver.createOutputTopic('dlq', str, str).getQueueSize(), 1, 'dead letters')
  await driver.close()
})
