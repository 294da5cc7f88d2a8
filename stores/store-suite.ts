/**
 * @module
 * The shared store test suite: random operation sequences (fast-check) run against a store and a
 * simple reference model, plus changelog replay. Each function registers vitest tests for one
 * store factory, so the same cases run on every backend and every layer stack (stores.test.ts).
 */
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { Serdes } from '../topology/serdes.ts'
import type { ChangelogRecord, StateStoreContext, Windowed } from './api.ts'
import type { LayeredStoreBuilder } from './index.ts'
import type { BuiltKeyValueStore, BuiltSessionStore, BuiltWindowStore } from './internals/store-builders.ts'
import { byKey, collect, hex, keyArb, type StoreHarness } from './store-suite-support.ts'

export { keyArb, type StoreHarness } from './store-suite-support.ts'

type Bytes = Uint8Array
/** Builds a builder with the stack under test; `name` is unique per run. */
export type BuilderFactory<
  S extends BuiltKeyValueStore<Bytes, string> | BuiltWindowStore<Bytes, string> | BuiltSessionStore<Bytes, string>,
> = (name: string) => LayeredStoreBuilder<S>

const TIMEOUT = 120_000
const valueArb = fc.option(fc.string({ maxLength: 3 }), { nil: null, freq: 5 })

/** Opens a store, records its changelog, and after `run` replays the changelog into a fresh one. */
async function withStore<
  S extends BuiltKeyValueStore<Bytes, string> | BuiltWindowStore<Bytes, string> | BuiltSessionStore<Bytes, string>,
>(
  harness: StoreHarness,
  builder: LayeredStoreBuilder<S>,
  run: (store: S) => Promise<void>,
  contents: (store: S) => Promise<unknown>,
): Promise<void> {
  const changelog: ChangelogRecord[] = []
  const context = harness.context({ log: (_s, key, value, timestamp) => changelog.push({ key, value, timestamp }) })
  const store = builder.build()
  await store.init(context)
  try {
    await run(store)
    await store.flush()
    if (!builder.logging.enabled) return
    const replica = builder.build()
    const replicaContext: StateStoreContext = { ...harness.context(), taskId: `${context.taskId}-replica` }
    await replica.init({ ...replicaContext, taskDir: `${context.taskDir}-replica` })
    try {
      await replica.restoreBatch(changelog)
      expect(await contents(replica)).toEqual(await contents(store))
    } finally {
      await replica.close()
    }
  } finally {
    await store.close()
  }
}

/**
 * Key-value cases: random put/delete/putIfAbsent/get/range/reverseRange/prefixScan/all/flush against
 * a sorted map model, then changelog replay.
 *
 * @example
 * ```ts
 * keyValueStoreSuite(harness, (name) => Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.bytes(), Serdes.string()))
 * ```
 */
export function keyValueStoreSuite(
  harness: StoreHarness,
  factory: BuilderFactory<BuiltKeyValueStore<Bytes, string>>,
): void {
  const op = fc.oneof(
    fc.record({ t: fc.constant('put' as const), k: keyArb, v: valueArb }),
    fc.record({ t: fc.constant('delete' as const), k: keyArb }),
    fc.record({ t: fc.constant('putIfAbsent' as const), k: keyArb, v: fc.string({ maxLength: 3 }) }),
    fc.record({
      t: fc.constant('putAll' as const),
      entries: fc.array(fc.record({ k: keyArb, v: valueArb }), { maxLength: 4 }),
    }),
    fc.record({ t: fc.constant('get' as const), k: keyArb }),
    fc.record({ t: fc.constant('range' as const), a: keyArb, b: keyArb, reverse: fc.boolean() }),
    fc.record({ t: fc.constant('prefixScan' as const), k: keyArb }),
    fc.constantFrom({ t: 'all' as const }, { t: 'flush' as const }, { t: 'count' as const }),
  )
  it('matches a sorted-map model under random operations, and its changelog rebuilds it', {
    timeout: TIMEOUT,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 60, size: 'medium' }), async (ops) => {
        const model = new Map<string, [Bytes, string]>()
        const sorted = () => [...model.values()].sort(byKey).map(([k, v]) => [hex(k), v])
        const set = (k: Bytes, v: string | null) => (v === null ? model.delete(hex(k)) : model.set(hex(k), [k, v]))
        const pairs = (items: { key: Bytes; value: string }[]) => items.map((e) => [hex(e.key), e.value])
        await withStore(
          harness,
          factory(harness.uniqueName('kv')),
          async (store) => {
            // a cached store reports each flushed key with the value of its previous flush as old value
            const flushed = new Map<string, string | null>()
            const listening = store.setFlushListener((key, newValue, oldValue) => {
              expect(newValue !== null || oldValue !== null).toBe(true)
              expect(oldValue).toBe(flushed.get(hex(key)) ?? null)
              flushed.set(hex(key), newValue)
            })
            for (const o of ops) {
              if (o.t === 'put') {
                await store.put(o.k, o.v)
                set(o.k, o.v)
              } else if (o.t === 'delete') {
                expect(await store.delete(o.k)).toBe(model.get(hex(o.k))?.[1])
                set(o.k, null)
              } else if (o.t === 'putIfAbsent') {
                const previous = model.get(hex(o.k))?.[1]
                expect(await store.putIfAbsent(o.k, o.v)).toBe(previous)
                if (previous === undefined) set(o.k, o.v)
              } else if (o.t === 'putAll') {
                await store.putAll(o.entries.map((e) => ({ key: e.k, value: e.v })))
                for (const e of o.entries) set(e.k, e.v)
              } else if (o.t === 'get') expect(await store.get(o.k)).toBe(model.get(hex(o.k))?.[1])
              else if (o.t === 'range') {
                const got = await collect(o.reverse ? store.reverseRange(o.a, o.b) : store.range(o.a, o.b))
                const want = sorted().filter(([k]) => k! >= hex(o.a) && k! <= hex(o.b))
                expect(pairs(got)).toEqual(o.reverse ? want.reverse() : want)
              } else if (o.t === 'prefixScan') {
                const got = await collect(store.prefixScan(o.k, (p) => p))
                expect(pairs(got)).toEqual(sorted().filter(([k]) => k!.startsWith(hex(o.k))))
              } else if (o.t === 'all') expect(pairs(await collect(store.all()))).toEqual(sorted())
              else if (o.t === 'count') expect(await store.approximateNumEntries()).toBeGreaterThanOrEqual(0)
              else await store.flush()
            }
            expect(pairs(await collect(store.all()))).toEqual(sorted())
            await store.flush()
            expect(await store.approximateNumEntries()).toBe(model.size)
            const lastFlushed = [...flushed].filter(([, v]) => v !== null)
            if (listening) expect(new Map(lastFlushed)).toEqual(new Map(sorted().map(([k, v]) => [k, v])))
          },
          async (store) => pairs(await collect(store.all())),
        )
      }),
      { numRuns: harness.numRuns },
    )
  })
}

const windowed = (items: { key: Windowed<Bytes>; value: string }[]) =>
  items.map((e) => [hex(e.key.key), e.key.window.start, e.key.window.end, e.value])

/**
 * Window store cases: random put/fetch/fetchRange/fetchAll/all/flush against a model where a window
 * is visible while `start > streamTime - retention`, then changelog replay. `retainDuplicates`
 * stores keep every put.
 *
 * @example
 * ```ts
 * windowStoreSuite(harness, (name) => Stores.windowStoreBuilder(Stores.inMemoryWindowStore(name, opts), Serdes.bytes(), Serdes.string()), opts)
 * ```
 */
export function windowStoreSuite(
  harness: StoreHarness,
  factory: BuilderFactory<BuiltWindowStore<Bytes, string>>,
  options: { retentionMs: number; windowSizeMs: number; retainDuplicates: boolean },
): void {
  const timeArb = fc.integer({ min: 0, max: 40 }).map((t) => t * 10)
  const op = fc.oneof(
    { arbitrary: fc.record({ t: fc.constant('put' as const), k: keyArb, v: valueArb, time: timeArb }), weight: 4 },
    fc.record({ t: fc.constant('fetch' as const), k: keyArb, time: timeArb }),
    fc.record({ t: fc.constant('fetchRange' as const), k: keyArb, a: timeArb, b: timeArb }),
    fc.record({ t: fc.constant('fetchAll' as const), a: timeArb, b: timeArb }),
    fc.constantFrom({ t: 'all' as const }, { t: 'flush' as const }),
  )
  const label = options.retainDuplicates ? ' (retaining duplicates)' : ''
  it(`matches a window model with expiry${label}, and its changelog rebuilds it`, { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 60, size: 'medium' }), async (ops) => {
        // entries in put order; without duplicates a put replaces the entry of the same key and start
        let model: { k: Bytes; time: number; v: string; seq: number }[] = []
        let streamTime = Number.NEGATIVE_INFINITY
        let seq = 0
        const visible = () =>
          model
            .filter((e) => e.time > streamTime - options.retentionMs)
            .sort((x, y) => byKey([x.k], [y.k]) || x.time - y.time || x.seq - y.seq)
        const rows = (entries: typeof model) =>
          entries.map((e) => [hex(e.k), e.time, e.time + options.windowSizeMs, e.v])
        await withStore(
          harness,
          factory(harness.uniqueName('win')),
          async (store) => {
            // old values are those of the previous flush, or null once the window's segment expired
            const flushed = new Map<string, string | null>()
            store.setFlushListener((key, newValue, oldValue) => {
              const id = `${hex(key.key)}/${key.window.start}`
              expect(newValue !== null || oldValue !== null).toBe(true)
              expect([null, flushed.get(id) ?? null]).toContain(oldValue)
              flushed.set(id, newValue)
            })
            for (const o of ops) {
              if (o.t === 'put') {
                await store.put(o.k, o.v, o.time)
                if (options.retainDuplicates && o.v === null) continue
                streamTime = Math.max(streamTime, o.time)
                if (!options.retainDuplicates) model = model.filter((e) => hex(e.k) !== hex(o.k) || e.time !== o.time)
                if (o.v !== null) model.push({ k: o.k, time: o.time, v: o.v, seq: seq++ })
              } else if (o.t === 'fetch') {
                const want = visible().find((e) => hex(e.k) === hex(o.k) && e.time === o.time)
                expect(await store.fetch(o.k, o.time)).toBe(want?.v)
              } else if (o.t === 'fetchRange') {
                const got = (await collect(store.fetchRange(o.k, o.a, o.b))).map((e) => [e.key, e.value])
                const want = visible().filter((e) => hex(e.k) === hex(o.k) && e.time >= o.a && e.time <= o.b)
                expect(got).toEqual(want.map((e) => [e.time, e.v]))
              } else if (o.t === 'fetchAll') {
                const want = visible().filter((e) => e.time >= o.a && e.time <= o.b)
                expect(windowed(await collect(store.fetchAll(o.a, o.b)))).toEqual(rows(want))
              } else if (o.t === 'all') expect(windowed(await collect(store.all()))).toEqual(rows(visible()))
              else await store.flush()
            }
            expect(windowed(await collect(store.all()))).toEqual(rows(visible()))
          },
          async (store) => windowed(await collect(store.all())),
        )
      }),
      { numRuns: harness.numRuns },
    )
  })
}

/**
 * Session store cases: random put/remove/findSessions/fetchSession/fetch against a model where a
 * session is visible while `end > streamTime - retention`, then changelog replay.
 *
 * @example
 * ```ts
 * sessionStoreSuite(harness, (name) => Stores.sessionStoreBuilder(Stores.inMemorySessionStore(name, opts), Serdes.bytes(), Serdes.string()), opts)
 * ```
 */
export function sessionStoreSuite(
  harness: StoreHarness,
  factory: BuilderFactory<BuiltSessionStore<Bytes, string>>,
  options: { retentionMs: number },
): void {
  const sessionArb = fc
    .record({ start: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 0, max: 5 }) })
    .map(({ start, length }) => ({ start: start * 10, end: (start + length) * 10 }))
  const op = fc.oneof(
    { arbitrary: fc.record({ t: fc.constant('put' as const), k: keyArb, w: sessionArb, v: valueArb }), weight: 4 },
    fc.record({ t: fc.constant('remove' as const), k: keyArb, w: sessionArb }),
    fc.record({ t: fc.constant('find' as const), k: keyArb, w: sessionArb }),
    fc.record({ t: fc.constant('fetchSession' as const), k: keyArb, w: sessionArb }),
    fc.record({ t: fc.constant('fetch' as const), k: keyArb }),
    fc.constant({ t: 'flush' as const }),
  )
  it('matches a session model with expiry, and its changelog rebuilds it', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 60, size: 'medium' }), async (ops) => {
        const model = new Map<string, { k: Bytes; start: number; end: number; v: string }>()
        let streamTime = Number.NEGATIVE_INFINITY
        const id = (k: Bytes, w: { start: number; end: number }) => `${hex(k)}/${w.start}/${w.end}`
        const sessions = (k: Bytes) =>
          [...model.values()]
            .filter((s) => hex(s.k) === hex(k) && s.end > streamTime - options.retentionMs)
            .sort((x, y) => x.end - y.end || x.start - y.start)
        const rows = (items: { start: number; end: number; v: string }[]) => items.map((s) => [s.start, s.end, s.v])
        const got = (items: { key: Windowed<Bytes>; value: string }[]) =>
          items.map((e) => [e.key.window.start, e.key.window.end, e.value])
        const keys = () =>
          [...new Map([...model.values()].map((s) => [hex(s.k), s.k])).values()].sort((a, b) => byKey([a], [b]))
        const snapshot = async (store: BuiltSessionStore<Bytes, string>) =>
          Promise.all(keys().map(async (k) => [hex(k), got(await collect(store.fetch(k)))]))
        await withStore(
          harness,
          factory(harness.uniqueName('ses')),
          async (store) => {
            for (const o of ops) {
              if (o.t === 'put' || o.t === 'remove') {
                const value = o.t === 'put' ? o.v : null
                if (value !== null) await store.put({ key: o.k, window: o.w }, value)
                else await store.remove({ key: o.k, window: o.w })
                streamTime = Math.max(streamTime, o.w.end)
                if (value === null) model.delete(id(o.k, o.w))
                else model.set(id(o.k, o.w), { k: o.k, ...o.w, v: value })
              } else if (o.t === 'find') {
                const want = sessions(o.k).filter((s) => s.end >= o.w.start && s.start <= o.w.end)
                expect(got(await collect(store.findSessions(o.k, o.w.start, o.w.end)))).toEqual(rows(want))
              } else if (o.t === 'fetchSession') {
                const want = sessions(o.k).find((s) => s.start === o.w.start && s.end === o.w.end)
                expect(await store.fetchSession(o.k, o.w.start, o.w.end)).toBe(want?.v)
              } else if (o.t === 'fetch') expect(got(await collect(store.fetch(o.k)))).toEqual(rows(sessions(o.k)))
              else await store.flush()
            }
            for (const k of keys()) expect(got(await collect(store.fetch(k)))).toEqual(rows(sessions(k)))
          },
          snapshot,
        )
      }),
      { numRuns: harness.numRuns },
    )
  })
}

/** The serdes the suite's stores use: raw byte keys (to hit every escape case) and string values. */
export const suiteSerdes = { key: Serdes.bytes(), value: Serdes.string() }
