import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCodes } from '../../../core/errors.ts'
import {
  Consumed,
  type FixedKeyProcessor,
  Named,
  type Processor,
  type ProcessorContext,
  Produced,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
} from '../../index.ts'

const str = Serdes.string()
const num = Serdes.double()
let driver: TopologyTestDriver | undefined

afterEach(async () => {
  await driver?.close()
  driver = undefined
})

/** Doubles the value; with `rekey`, forwards under another key (what processValues must refuse). */
function doubler(rekey = false): FixedKeyProcessor<string, number, number> {
  let ctx: ProcessorContext<string, number>
  return {
    init: (c) => {
      ctx = c
    },
    process: (r) => ctx.forward({ ...r, key: rekey ? `${r.key}!` : r.key, value: r.value * 2 }),
  }
}

/** The same, as a general processor (process() must assume it changes keys). */
const generalDoubler = (): Processor<string, number, string, number> => doubler()

describe('KStream.processValues', () => {
  it('changes values, keeps keys, and a groupByKey downstream adds no repartition topic', async () => {
    const b = new StreamsBuilder()
    b.stream('in', Consumed.with(str, num))
      .selectKey((k) => k)
      .processValues(() => doubler(), Named.as('double'))
      .to('out', Produced.with(str, num))
    b.stream('in2', Consumed.with(str, num))
      .processValues(() => doubler())
      .groupByKey()
      .count()
      .toStream()
      .to('counts', Produced.with(str, num))
    const topology = b.build()
    const text = topology.describe().toString()
    expect(text).toContain('Processor: double')
    expect(text).toContain('KSTREAM-PROCESSVALUES-')
    // only the count's store changelog: no repartition for the key-keeping processor
    expect(text).not.toContain('repartition')
    driver = new TopologyTestDriver(topology)
    await driver.createInputTopic('in', str, num).pipeInput('car-44', 21, 5)
    await driver.createInputTopic('in2', str, num).pipeInput('car-1', 1, 6)
    expect(driver.createOutputTopic('out', str, num).readRecordsToList()).toEqual([
      { key: 'car-44', value: 42, timestamp: 5, headers: {} },
    ])
    expect(driver.createOutputTopic('counts', str, num).readKeyValuesToList()).toEqual([{ key: 'car-1', value: 1 }])
  })

  it('process() with the same processor repartitions before groupByKey (it may change keys)', () => {
    const b = new StreamsBuilder()
    b.stream('in', Consumed.with(str, num))
      .process(generalDoubler)
      .groupByKey()
      .count()
      .toStream()
      .to('counts', Produced.with(str, num))
    expect(b.build().describe().toString()).toContain('repartition')
  })

  it('keeps a repartition that was already required upstream', () => {
    const b = new StreamsBuilder()
    b.stream('in', Consumed.with(str, num))
      .map((k, v) => ({ key: `${k}-x`, value: v }))
      .processValues(() => doubler())
      .groupByKey()
      .count()
    expect(b.build().describe().toString()).toContain('repartition')
  })

  it('fails with PITWALL_PROCESSING when the processor forwards another key', async () => {
    const b = new StreamsBuilder()
    b.stream('in', Consumed.with(str, num))
      .processValues(() => doubler(true), Named.as('rekeying'))
      .to('out', Produced.with(str, num))
    driver = new TopologyTestDriver(b.build())
    await expect(driver.createInputTopic('in', str, num).pipeInput('car-44', 1, 1)).rejects.toMatchObject({
      code: ErrorCodes.PROCESSING,
      details: { processorName: 'rekeying' },
      cause: {
        code: ErrorCodes.PROCESSING,
        message: expect.stringContaining("processValues() processor 'rekeying' forwarded key 'car-44!'"),
      },
    })
  })

  it('reaches connected stores and trusts forwards from punctuators', async () => {
    const b = new StreamsBuilder()
    b.stream('in', Consumed.with(str, num))
      .processValues((): FixedKeyProcessor<string, number, number> => {
        let ctx: ProcessorContext<string, number>
        let sum = 0
        return {
          init: (c) => {
            ctx = c
            c.schedule(100, 'stream-time', (ts) =>
              ctx.forward({ key: 'total', value: sum, timestamp: ts, headers: {} }),
            )
          },
          process: (r) => {
            sum += r.value
          },
        }
      })
      .to('out', Produced.with(str, num))
    driver = new TopologyTestDriver(b.build())
    const input = driver.createInputTopic('in', str, num)
    await input.pipeInput('a', 1, 50)
    await input.pipeInput('b', 2, 150)
    expect(driver.createOutputTopic('out', str, num).readKeyValuesToList()).toEqual([
      { key: 'total', value: 1 },
      { key: 'total', value: 3 },
    ])
  })

  it('validates its arguments at build time', () => {
    const s = new StreamsBuilder().stream('in', Consumed.with(str, num))
    expect(() => s.processValues(42 as never)).toThrow(
      expect.objectContaining({ code: ErrorCodes.TOPOLOGY_INVALID_ARGUMENT }),
    )
    expect(() => s.processValues(() => doubler(), 7 as never)).toThrow(/processValues\(\)/)
  })
})
