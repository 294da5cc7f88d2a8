/**
 * @module
 * Shared setup of the windows-and-joins golden tests: builds a topology, runs it in a
 * TopologyTestDriver and closes the driver after each test.
 */
import { afterEach } from 'vitest'
import { type StoreType, StreamsBuilder, TopologyTestDriver, type TopologyTestDriverOptions } from '../../index.ts'

const drivers: TopologyTestDriver[] = []

afterEach(async () => {
  for (const d of drivers.splice(0)) await d.close()
})

/**
 * Builds with `build` and starts a driver that the harness closes after the test.
 *
 * @example
 * ```ts
 * const d = drive((b) => b.stream('in').to('out'))
 * ```
 */
export function drive(
  build: (builder: StreamsBuilder) => void,
  storeType: StoreType = 'leveldb',
  options: TopologyTestDriverOptions = {},
): TopologyTestDriver {
  const builder = new StreamsBuilder({ defaultStoreType: storeType })
  build(builder)
  const driver = new TopologyTestDriver(builder.build(), options)
  drivers.push(driver)
  return driver
}

/** `key[start,end)=value@timestamp` lines of windowed output records. */
export function windowedLines(
  records: { key: { key: unknown; window: { start: number; end: number } }; value: unknown; timestamp: number }[],
): string[] {
  return records.map(
    (r) => `${String(r.key.key)}[${r.key.window.start},${r.key.window.end})=${String(r.value)}@${r.timestamp}`,
  )
}

/** `key:value@timestamp` lines of output records. */
export function lines(records: { key: unknown; value: unknown; timestamp: number }[]): string[] {
  return records.map(
    (r) =>
      `${String(r.key)}:${typeof r.value === 'object' && r.value !== null ? JSON.stringify(r.value) : String(r.value)}@${r.timestamp}`,
  )
}
