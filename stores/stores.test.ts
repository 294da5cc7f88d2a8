import { afterAll, describe } from 'vitest'
import type { StateStore } from './api.ts'
import type { CacheForm, LayeredStoreBuilder } from './index.ts'
import { Stores } from './index.ts'
import { keyValueStoreSuite, sessionStoreSuite, suiteSerdes, windowStoreSuite } from './store-suite.ts'
import { createHarness } from './store-suite-support.ts'

const harness = createHarness(25)
afterAll(() => harness.cleanup())

const backends = { leveldb: true, memory: false } as const
const stacks = {
  plain: { caching: false, logging: false },
  'object-cached': { caching: true, logging: false, form: 'objects' },
  logged: { caching: false, logging: true },
  'object-cached+logged': { caching: true, logging: true, form: 'objects' },
  'byte-cached': { caching: true, logging: false, form: 'bytes' },
  'byte-cached+logged': { caching: true, logging: true, form: 'bytes' },
} as const

/** Small windows and segments so random sequences cross several segments and expire some. */
const windowOptions = { retentionMs: 100, windowSizeMs: 10, segmentIntervalMs: 30 }
const sessionOptions = { retentionMs: 100, segmentIntervalMs: 30 }

function stack<S extends StateStore>(
  builder: LayeredStoreBuilder<S>,
  s: { caching: boolean; logging: boolean; form?: CacheForm },
) {
  // a small cache (a few entries) makes evictions, and so eviction flushes, frequent
  const cached = s.caching
    ? builder.withCachingEnabled(400).withCacheForm(s.form ?? 'objects')
    : builder.withCachingDisabled()
  return s.logging ? cached.withLoggingEnabled() : cached.withLoggingDisabled()
}

for (const [backend, persistent] of Object.entries(backends)) {
  for (const [stackName, layers] of Object.entries(stacks)) {
    describe(`${backend} stores, ${stackName}`, () => {
      const kv = persistent ? Stores.persistentKeyValueStore : Stores.inMemoryKeyValueStore
      const win = persistent ? Stores.persistentWindowStore : Stores.inMemoryWindowStore
      const ses = persistent ? Stores.persistentSessionStore : Stores.inMemorySessionStore
      keyValueStoreSuite(harness, (name) =>
        stack(Stores.keyValueStoreBuilder(kv(name), suiteSerdes.key, suiteSerdes.value), layers),
      )
      for (const retainDuplicates of [false, true]) {
        const options = { ...windowOptions, retainDuplicates }
        windowStoreSuite(
          harness,
          (name) => stack(Stores.windowStoreBuilder(win(name, options), suiteSerdes.key, suiteSerdes.value), layers),
          options,
        )
      }
      sessionStoreSuite(
        harness,
        (name) =>
          stack(Stores.sessionStoreBuilder(ses(name, sessionOptions), suiteSerdes.key, suiteSerdes.value), layers),
        sessionOptions,
      )
    })
  }
}
