import { afterAll, describe, expect, it } from 'vitest'
import { Serdes } from '../../topology/serdes.ts'
import { Stores } from '../index.ts'
import { collect, createHarness } from '../store-suite-support.ts'
import { SETTLED } from './typed-cache.ts'

const harness = createHarness(1)
afterAll(() => harness.cleanup())

describe('object cache writes without a pending promise', () => {
  it('a key-value put that evicts nothing returns SETTLED; one that evicts returns its flush, and nothing is lost', async () => {
    const supplier = Stores.inMemoryKeyValueStore(harness.uniqueName('kv'))
    const store = Stores.keyValueStoreBuilder(supplier, Serdes.string(), Serdes.json<{ n: number }>())
      .withCachingEnabled(2_000)
      .build()
    await store.init(harness.context())
    expect(store.put('car-1', { n: 1 })).toBe(SETTLED)
    expect(await store.get('car-1')).toEqual({ n: 1 })
    const writes: Promise<void>[] = []
    for (let i = 0; i < 100; i++) writes.push(store.put(`car-${i}`, { n: i }))
    // the cache holds ~2,000 bytes: later writes evict (and flush) the eldest entries
    expect(writes.some((w) => w !== SETTLED)).toBe(true)
    await Promise.all(writes)
    await store.flush()
    const all = await collect(store.all())
    expect(all).toHaveLength(100)
    expect(await store.get('car-57')).toEqual({ n: 57 })
    await store.close()
  })

  it('a window put that evicts nothing returns SETTLED, and a fetch sees it', async () => {
    const supplier = Stores.inMemoryWindowStore(harness.uniqueName('w'), { retentionMs: 60_000, windowSizeMs: 1_000 })
    const store = Stores.windowStoreBuilder(supplier, Serdes.string(), Serdes.json<number>())
      .withCachingEnabled()
      .build()
    await store.init(harness.context())
    expect(store.put('car-44', 1, 1_000)).toBe(SETTLED)
    expect(store.put('car-44', 2, 1_000)).toBe(SETTLED)
    expect(await store.fetch('car-44', 1_000)).toBe(2)
    await store.flush()
    expect(await store.fetch('car-44', 1_000)).toBe(2)
    await store.close()
  })
})
