import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCodes } from '../../../core/errors.ts'
import type { KeyValueStore } from '../../../stores/api.ts'
import { Stores } from '../../../stores/index.ts'
import {
  Consumed,
  DeadLetterHeaders,
  type Processor,
  type ProcessorContext,
  Produced,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
} from '../../index.ts'

const str = Serdes.string()
const json = Serdes.json<any>()
const encoder = new TextEncoder()
let driver: TopologyTestDriver | undefined

afterEach(async () => {
  await driver?.close()
  driver = undefined
})

function copyTopology(): StreamsBuilder {
  const b = new StreamsBuilder()
  b.stream('in', Consumed.with(str, json))
    .mapValues((v) => v.speed)
    .to('out', Produced.with(str, json))
  return b
}

describe('deserialization errors', () => {
  it("dead-letters an unreadable record with handler 'continue' and keeps going", async () => {
    driver = new TopologyTestDriver(copyTopology().build(), {
      deserializationErrorHandler: 'continue',
      deadLetterTopic: 'dlq',
    })
    const input = driver.createInputTopic('in', str, json)
    await input.pipeRaw(encoder.encode('44'), encoder.encode('{not json'), 7, { trace: 'x' })
    await input.pipeInput('16', { speed: 300 }, 8)
    expect(driver.createOutputTopic('out', str, json).readKeyValuesToList()).toEqual([{ key: '16', value: 300 }])
    const dead = driver.createOutputTopic('dlq', str, str).readRecord()
    expect(dead.key).toBe('44')
    expect(dead.value).toBe('{not json')
    expect(dead.timestamp).toBe(7)
    expect(dead.headers).toMatchObject({
      trace: 'x',
      [DeadLetterHeaders.code]: ErrorCodes.SERDE_DESERIALIZATION,
      [DeadLetterHeaders.topic]: 'in',
      [DeadLetterHeaders.partition]: '0',
      [DeadLetterHeaders.offset]: '0',
    })
    expect(String(dead.headers[DeadLetterHeaders.message])).toContain('invalid JSON')
  })

  it("fails with handler 'fail' (the default), naming the record", async () => {
    driver = new TopologyTestDriver(copyTopology().build())
    const input = driver.createInputTopic('in', str, json)
    await expect(input.pipeRaw(null, encoder.encode('{'), 1)).rejects.toMatchObject({
      code: ErrorCodes.SERDE_DESERIALIZATION,
      message: expect.stringContaining('in-0@0'),
    })
  })

  it('processing errors fail by default and can be skipped', async () => {
    const b = new StreamsBuilder()
    b.stream('in', Consumed.with(str, json))
      .mapValues((v) => v.a.b)
      .to('out', Produced.with(str, json))
    driver = new TopologyTestDriver(b.build(), { processingErrorHandler: 'continue', deadLetterTopic: 'dlq' })
    const input = driver.createInputTopic('in', str, json)
    await input.pipeInput('k', {}, 1)
    await input.pipeInput('k', { a: { b: 2 } }, 2)
    expect(driver.createOutputTopic('out', str, json).readValuesToList()).toEqual([2])
    expect(driver.createOutputTopic('dlq', str, str).readRecord().headers[DeadLetterHeaders.code]).toBe('UNKNOWN')
  })
})

describe('time', () => {
  it('stream time is the largest timestamp seen; extractors set event time', async () => {
    const times: Array<[number, number]> = []
    const b = new StreamsBuilder()
    b.stream(
      'in',
      Consumed.with(str, json).withTimestampExtractor((r) => r.value.ts),
    ).process(() => {
      let ctx: ProcessorContext
      return {
        init: (c: ProcessorContext) => {
          ctx = c
        },
        process: (r) => {
          times.push([r.timestamp, ctx.currentStreamTime()])
        },
      }
    })
    driver = new TopologyTestDriver(b.build())
    const input = driver.createInputTopic('in', str, json)
    for (const ts of [100, 50, 200, 150]) await input.pipeInput('k', { ts }, 1)
    expect(times).toEqual([
      [100, 100],
      [50, 100],
      [200, 200],
      [150, 200],
    ])
  })

  it('punctuates on stream time (aligned to the interval) and on virtual wall-clock time', async () => {
    const fired: string[] = []
    const b = new StreamsBuilder()
    b.stream('in', Consumed.with(str, str))
      .process((): Processor<string, string, string, string> => {
        let ctx: ProcessorContext<string, string>
        return {
          init(c) {
            ctx = c
            c.schedule(100, 'stream-time', (t) => {
              fired.push(`stream@${t}`)
            })
            c.schedule(1000, 'wall-clock-time', (t) =>
              ctx.forward({ key: 'tick', value: `wall@${t}`, timestamp: t, headers: {} }),
            )
          },
          process: () => {},
        }
      })
      .to('ticks', Produced.with(str, str))
    driver = new TopologyTestDriver(b.build(), { wallClockTime: 5000 })
    const input = driver.createInputTopic('in', str, str)
    for (const ts of [30, 90, 120, 350, 360]) await input.pipeInput('k', 'v', ts)
    expect(fired).toEqual(['stream@30', 'stream@120', 'stream@350'])
    await driver.advanceWallClockTime(999)
    await driver.advanceWallClockTime(1)
    await driver.advanceWallClockTime(2500)
    expect(driver.createOutputTopic('ticks', str, str).readValuesToList()).toEqual(['wall@6000', 'wall@8500'])
  })
})

describe('custom processors with stores', () => {
  it('process() reaches a store added with addStateStore and sees record metadata', async () => {
    const b = new StreamsBuilder()
    b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('seen'), str, Serdes.double()))
    b.stream('in', Consumed.with(str, str))
      .process((): Processor<string, string, string, string> => {
        let ctx: ProcessorContext<string, string>
        let seen: KeyValueStore<string, number>
        return {
          init(c) {
            ctx = c
            seen = c.getStateStore('seen')
          },
          async process(r) {
            const n = ((await seen.get(r.key)) ?? 0) + 1
            await seen.put(r.key, n)
            const meta = ctx.recordMetadata()!
            await ctx.forward({ ...r, value: `${r.value}#${n}@${meta.topic}/${meta.offset}` })
          },
        }
      }, 'seen')
      .to('out', Produced.with(str, str))
    driver = new TopologyTestDriver(b.build())
    const input = driver.createInputTopic('in', str, str)
    await input.pipeInput('a', 'x', 1)
    await input.pipeInput('a', 'y', 2)
    expect(driver.createOutputTopic('out', str, str).readValuesToList()).toEqual(['x#1@in/0', 'y#2@in/1'])
    expect(await (await driver.getKeyValueStore<string, number>('seen')).get('a')).toBe(2)
  })

  it('a store that is not connected is refused at runtime with PITWALL_STORE_NOT_FOUND', async () => {
    const b = new StreamsBuilder()
    b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('seen'), str, str))
    b.stream('in', Consumed.with(str, str)).process(() => ({
      init: (c: ProcessorContext) => {
        c.getStateStore('seen')
      },
      process: () => {},
    }))
    driver = new TopologyTestDriver(b.build())
    await expect(driver.createInputTopic('in', str, str).pipeInput('a', 'b')).rejects.toMatchObject({
      code: ErrorCodes.STORE_NOT_FOUND,
    })
  })
})
