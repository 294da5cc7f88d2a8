/**
 * @module
 * `node bench/window-aggregate.ts [--records n] [--keys n] [--commit-every n]`: records per second
 * through the TopologyTestDriver for a 10 s hopping window (1 s advance, so ten windows per record)
 * aggregation on LevelDB window stores, with the store cache on and off, printed as JSON. The
 * driver commits (flushes the cache) every `--commit-every` records, like a commit interval. No
 * broker is involved: the figure is the processing cost of the DSL, processors and stores.
 */
import { parseArgs } from 'node:util'
import {
  Consumed,
  Materialized,
  Produced,
  Serdes,
  StreamsBuilder,
  TimeWindows,
  TopologyTestDriver,
  WindowedSerdes,
} from '../topology/index.ts'

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '20000' },
    keys: { type: 'string', default: '20' },
    'commit-every': { type: 'string', default: '100' },
  },
})
const RECORDS = Number(args.records)
const KEYS = Number(args.keys)
const COMMIT_EVERY = Number(args['commit-every'])
/** 20 cars at 60 Hz: one sample per car every ~16 ms of event time. */
const STEP_MS = Math.max(1, Math.round(1000 / 60 / KEYS))

async function run(caching: boolean) {
  const builder = new StreamsBuilder({ defaultStoreType: 'leveldb' })
  const windows = TimeWindows.ofSizeAndGrace(10_000, 1_000).advanceBy(1_000)
  const materialized = Materialized.as<string, number>('speed-sum').withValueSerde(Serdes.double())
  builder
    .stream('samples', Consumed.with(Serdes.string(), Serdes.double()))
    .groupByKey()
    .windowedBy(windows)
    .aggregate(
      () => 0,
      (_car, speed, sum) => sum + speed,
      caching ? materialized.withCachingEnabled() : materialized.withCachingDisabled(),
    )
    .toStream()
    .to('sums', Produced.with(WindowedSerdes.timeWindowed(Serdes.string(), 10_000), Serdes.double()))
  const driver = new TopologyTestDriver(builder.build(), { commitEvery: COMMIT_EVERY })
  try {
    const input = driver.createInputTopic('samples', Serdes.string(), Serdes.double())
    // created before piping: the driver keeps every record only of topics an output topic reads
    const output = driver.createOutputTopic(
      'sums',
      WindowedSerdes.timeWindowed(Serdes.string(), 10_000),
      Serdes.double(),
    )
    const start = performance.now()
    for (let i = 0; i < RECORDS; i++) await input.pipeInput(`car-${i % KEYS}`, 200 + (i % 100), i * STEP_MS)
    const seconds = (performance.now() - start) / 1000
    return {
      recordsPerSec: Math.round(RECORDS / seconds),
      seconds: Number(seconds.toFixed(3)),
      outputRecords: output.readRecordsToList().length,
    }
  } finally {
    await driver.close()
  }
}

const cacheOff = await run(false)
const cacheOn = await run(true)
console.log(
  JSON.stringify(
    {
      benchmark: 'window-aggregate',
      topology:
        'groupByKey().windowedBy(TimeWindows 10 s, advance 1 s, grace 1 s).aggregate(sum), LevelDB window store',
      records: RECORDS,
      keys: KEYS,
      eventTimeStepMs: STEP_MS,
      commitEvery: COMMIT_EVERY,
      cacheOff,
      cacheOn,
      node: process.version,
    },
    null,
    2,
  ),
)
