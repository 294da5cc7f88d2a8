import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { Serdes } from '../topology/serdes.ts'
import { readOnlyKeyValueStore, Stores } from './index.ts'
import { CachingKeyValueStore } from './internals/caching-key-value-store.ts'
import { LevelBytesStore } from './internals/level-bytes-store.ts'
import { MemoryBytesStore } from './internals/memory-bytes-store.ts'
import { collect, createHarness, hex, keyArb } from './store-suite-support.ts'

const harness = createHarness(20)
afterAll(() => harness.cleanup())

describe('LevelDB stores across a restart', () => {
  it('reopen a key-value store with the same contents', async () => {
    const context = harness.context()
    const builder = Stores.keyValueStoreBuilder(
      Stores.persistentKeyValueStore('counts'),
      Serdes.string(),
      Serdes.json(),
    )
    const store = builder.withCachingEnabled().build()
    await store.init(context)
    for (let i = 0; i < 500; i++) await store.put(`car-${i % 50}`, { laps: i })
    await store.delete('car-7')
    await store.flush()
    const before = await collect(store.all())
    await store.close()
    const reopened = builder.build()
    await reopened.init(context)
    expect(await collect(reopened.all())).toEqual(before)
    expect(before).toHaveLength(49)
    expect(await reopened.get('car-8')).toEqual({ laps: 458 })
    await reopened.close()
  })

  it('reopen a window store with the same windows and stream time', async () => {
    const context = harness.context()
    const supplier = Stores.persistentWindowStore('laps', { retentionMs: 100, windowSizeMs: 10, segmentIntervalMs: 30 })
    const builder = Stores.windowStoreBuilder(supplier, Serdes.string(), Serdes.json())
    const store = builder.build()
    await store.init(context)
    for (let t = 0; t <= 300; t += 10) await store.put('car-44', t, t)
    const before = await collect(store.all())
    await store.close()
    const reopened = builder.build()
    await reopened.init(context)
    expect(await collect(reopened.all())).toEqual(before)
    expect(before.map((e) => e.key.window.start)).toEqual([210, 220, 230, 240, 250, 260, 270, 280, 290, 300])
    await reopened.put('car-44', -1, 150) // expired: stream time (300) survived the restart
    expect(await reopened.fetch('car-44', 150)).toBeUndefined()
    await reopened.close()
  })
})

describe('CachingKeyValueStore', () => {
  for (const [label, make] of [
    ['memory', () => new MemoryBytesStore('c')],
    ['leveldb', () => new LevelBytesStore('c')],
  ] as const) {
    it(`never holds more than its byte budget and loses no write (${label})`, async () => {
      const budget = 300
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ k: keyArb, v: fc.option(fc.uint8Array({ maxLength: 40 }), { nil: null }) }), {
            maxLength: 80,
          }),
          async (writes) => {
            const inner = make()
            const cache = new CachingKeyValueStore(inner, budget)
            await cache.init(harness.context())
            const model = new Map<string, string>()
            for (const w of writes) {
              await cache.put(w.k, w.v)
              if (w.v === null) model.delete(hex(w.k))
              else model.set(hex(w.k), hex(w.v))
              expect(cache.cachedBytes).toBeLessThanOrEqual(budget)
              const read = await cache.get(w.k)
              expect(read === undefined ? undefined : hex(read)).toBe(model.get(hex(w.k)))
              expect(cache.cachedBytes).toBeLessThanOrEqual(budget)
            }
            await cache.flush()
            const stored = new Map((await collect(inner.scan({}))).map((e) => [hex(e.key), hex(e.value)]))
            expect(stored).toEqual(model)
            await cache.close()
          },
        ),
        { numRuns: harness.numRuns },
      )
    })
  }

  it('collapses updates per key and reports new and old values on flush, in write order', async () => {
    const store = Stores.keyValueStoreBuilder(
      Stores.inMemoryKeyValueStore('agg'),
      Serdes.string(),
      Serdes.json<number>(),
    )
      .withCachingEnabled()
      .build()
    const flushed: unknown[] = []
    let now = 0
    await store.init({ ...harness.context(), currentTimestamp: () => now })
    expect(store.setFlushListener((k, n, o, ts) => void flushed.push([k, n, o, ts]))).toBe(true)
    for (const [k, v, t] of [
      ['b', 1, 10],
      ['a', 1, 11],
      ['b', 2, 12],
      ['b', 3, 13],
    ] as const) {
      now = t
      await store.put(k, v)
    }
    await store.flush()
    expect(flushed).toEqual([
      ['a', 1, null, 11],
      ['b', 3, null, 13],
    ])
    await store.put('a', 5)
    await store.delete('b')
    await store.flush()
    expect(flushed.slice(2)).toEqual([
      ['a', 5, 1, 13],
      ['b', null, 3, 13],
    ])
    await store.close()
  })

  it('forwards flushed windows with their window', async () => {
    const supplier = Stores.inMemoryWindowStore('w', { retentionMs: 60_000, windowSizeMs: 1_000 })
    const store = Stores.windowStoreBuilder(supplier, Serdes.string(), Serdes.json<number>())
      .withCachingEnabled()
      .build()
    const flushed: unknown[] = []
    await store.init(harness.context())
    store.setFlushListener((k, n, o) => void flushed.push([k, n, o]))
    await store.put('car-44', 1, 1_000)
    await store.put('car-44', 2, 1_000)
    await store.flush()
    expect(flushed).toEqual([[{ key: 'car-44', window: { start: 1_000, end: 2_000 } }, 2, null]])
    await store.close()
  })
})

describe('close', () => {
  it('drops unflushed cached writes (an unclean close); a clean shutdown flushes first', async () => {
    const context = harness.context()
    const logged: string[] = []
    const logging = { ...context, changelog: { log: (_s: string, key: Uint8Array) => void logged.push(hex(key)) } }
    const builder = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('c'), Serdes.string(), Serdes.string())
      .withCachingEnabled()
      .withLoggingEnabled()
    const crashed = builder.build()
    await crashed.init(logging)
    await crashed.put('a', 'unflushed')
    await crashed.close()
    const clean = builder.build()
    await clean.init(logging)
    expect(await clean.get('a')).toBeUndefined()
    expect(logged).toEqual([])
    await clean.put('a', 'flushed')
    await clean.flush()
    await clean.close()
    const reopened = builder.build()
    await reopened.init(logging)
    expect(await reopened.get('a')).toBe('flushed')
    expect(logged).toHaveLength(1)
    await reopened.close()
  })
})

describe('LevelDB approximateNumEntries', () => {
  it('stays exact once counted, through puts, deletes, batches with repeated keys, restores and a reopen', async () => {
    const opArb = fc.oneof(
      fc.record({
        t: fc.constant('put' as const),
        k: keyArb,
        v: fc.option(fc.uint8Array({ maxLength: 3 }), { nil: null }),
      }),
      fc.record({
        t: fc.constant('putAll' as const),
        writes: fc.array(fc.record({ k: keyArb, v: fc.option(fc.uint8Array(), { nil: null }) }), { maxLength: 5 }),
      }),
      fc.record({ t: fc.constant('restore' as const), k: keyArb }),
      fc.constant({ t: 'count' as const }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 40 }), async (ops) => {
        const context = harness.context()
        const store = new LevelBytesStore('n')
        await store.init(context)
        const model = new Set<string>()
        for (const o of ops) {
          if (o.t === 'put') await store.put(o.k, o.v)
          else if (o.t === 'putAll') await store.putAll(o.writes.map((w) => ({ key: w.k, value: w.v })))
          else if (o.t === 'restore') await store.restoreBatch([{ key: o.k, value: Uint8Array.of(1), timestamp: 0 }])
          else expect(await store.approximateNumEntries()).toBe(model.size)
          const writes = o.t === 'put' ? [o] : o.t === 'putAll' ? o.writes : o.t === 'restore' ? [{ k: o.k, v: 1 }] : []
          for (const w of writes) {
            if (w.v === null) model.delete(hex(w.k))
            else model.add(hex(w.k))
          }
        }
        expect(await store.approximateNumEntries()).toBe(model.size)
        await store.close()
        const reopened = new LevelBytesStore('n')
        await reopened.init(context)
        expect(await reopened.approximateNumEntries()).toBe(model.size)
        await reopened.close()
      }),
      { numRuns: harness.numRuns },
    )
  })
})

describe('cache flush listener old values', () => {
  for (const persistent of [true, false]) {
    it(`report null for a window whose segment expired beneath the cache (${persistent ? 'leveldb' : 'memory'})`, async () => {
      const options = { retentionMs: 100, windowSizeMs: 10, segmentIntervalMs: 60 }
      const supplier = persistent
        ? Stores.persistentWindowStore('w', options)
        : Stores.inMemoryWindowStore('w', options)
      const store = Stores.windowStoreBuilder(supplier, Serdes.string(), Serdes.json<number>())
        .withCachingEnabled()
        .build()
      const flushed: unknown[] = []
      await store.init(harness.context())
      store.setFlushListener((k, n, o) => void flushed.push([k.key, k.window.start, n, o]))
      expect(await store.fetch('a', 0)).toBeUndefined()
      await store.put('a', 1, 0)
      await store.flush()
      await store.put('b', 2, 1_000) // stream time 1000: the segment of window 0 expires
      await store.flush()
      await store.put('a', 3, 0) // ignored beneath: its segment is gone
      await store.flush()
      expect(flushed).toEqual([
        ['a', 0, 1, null],
        ['b', 1_000, 2, null],
        ['a', 0, 3, null],
      ])
      await store.close()
    })
  }
})

describe('read-only views', () => {
  it('expose reads only', async () => {
    const store = Stores.keyValueStoreBuilder(
      Stores.inMemoryKeyValueStore('ro'),
      Serdes.string(),
      Serdes.string(),
    ).build()
    await store.init(harness.context())
    await store.put('a', '1')
    const view = readOnlyKeyValueStore(store)
    expect(await view.get('a')).toBe('1')
    expect(Object.keys(view).sort()).toEqual([
      'all',
      'approximateNumEntries',
      'get',
      'prefixScan',
      'range',
      'reverseRange',
    ])
    await store.close()
    await expect(store.get('a')).rejects.toMatchObject({ code: 'PITWALL_STORE_CLOSED' })
  })
})
