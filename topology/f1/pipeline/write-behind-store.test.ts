import { afterEach, describe, expect, it } from 'vitest'
import type { KeyValueStore } from '../../../stores/api.ts'
import { Stores } from '../../../stores/index.ts'
import { Consumed } from '../../dsl/consumed.ts'
import { StreamsBuilder } from '../../dsl/streams-builder.ts'
import type { ProcessorContext, Record } from '../../processor.ts'
import { Serdes } from '../../serdes.ts'
import { TopologyTestDriver } from '../../test-driver/index.ts'
import { writeBehind } from './write-behind-store.ts'

const str = Serdes.string()
let driver: TopologyTestDriver | undefined

afterEach(async () => {
  await driver?.close()
  driver = undefined
})

/** Counts values per key in a mutable object it puts on every record (as the F1 processors do). */
function counting(commitEvery: number) {
  const b = new StreamsBuilder()
  b.addStateStore(
    writeBehind(
      Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore('counts'),
        str,
        Serdes.json<{ n: number; last: string }>(),
      ).withLoggingEnabled(),
    ),
  )
  b.stream('in', Consumed.with(str, str)).process(() => {
    let store: KeyValueStore<string, { n: number; last: string }>
    return {
      init(ctx: ProcessorContext<never, never>) {
        store = ctx.getStateStore('counts')
      },
      async process(r: Record<string, string>) {
        if (r.value === 'drop') return store.delete(r.key).then(() => {})
        const current = (await store.get(r.key)) ?? { n: 0, last: '' }
        current.n++
        current.last = r.value
        await store.put(r.key, current)
      },
    }
  }, 'counts')
  driver = new TopologyTestDriver(b.build(), { commitEvery })
  const changelog = driver.createOutputTopic('test-app-counts-changelog', str, Serdes.json<{ n: number }>())
  return { input: driver.createInputTopic('in', str, str), changelog, driver }
}

describe('writeBehind', () => {
  it('reads its own writes and logs each key once per commit with its latest value', async () => {
    const { input, changelog, driver } = counting(3)
    const store = await driver.getKeyValueStore<string, { n: number; last: string }>('counts')
    await input.pipeInput('a', 'x', 1)
    await input.pipeInput('a', 'y', 2)
    expect(await store.get('a')).toEqual({ n: 2, last: 'y' })
    expect(changelog.isEmpty()).toBe(true)
    await input.pipeInput('b', 'z', 3)
    expect(changelog.readKeyValuesToList()).toEqual([
      { key: 'a', value: { n: 2, last: 'y' } },
      { key: 'b', value: { n: 1, last: 'z' } },
    ])
    await input.pipeInput('a', 'w', 4)
    const all: string[] = []
    for await (const kv of store.all()) all.push(`${kv.key}=${kv.value.n}`)
    expect(all).toEqual(['a=3', 'b=1'])
    await input.pipeInput('b', 'drop', 5)
    expect(await store.get('b')).toBeUndefined()
    expect(await store.approximateNumEntries()).toBe(1)
  })

  it('writes pending values on close, and only the latest after a delete', async () => {
    const { input, changelog } = counting(100)
    await input.pipeInput('a', 'x', 1)
    await input.pipeInput('a', 'drop', 2)
    await input.pipeInput('a', 'y', 3)
    await driver!.close()
    expect(changelog.readValuesToList()).toEqual([{ n: 1, last: 'y' }])
  })
})
