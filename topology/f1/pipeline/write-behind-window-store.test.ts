import { describe, expect, it } from 'vitest'
import { Stores } from '../../../stores/index.ts'
import { Serdes } from '../../serdes.ts'
import { WriteBehindWindowStore } from './write-behind-window-store.ts'

async function open() {
  const logged: string[] = []
  const inner = Stores.windowStoreBuilder(
    Stores.inMemoryWindowStore('w', { retentionMs: 60_000, windowSizeMs: 1_000 }),
    Serdes.string(),
    Serdes.json<number>(),
  )
    .withLoggingEnabled()
    .build()
  const store = new WriteBehindWindowStore<number>(inner)
  const decoder = new TextDecoder()
  await store.init({
    applicationId: 'app',
    taskId: '0_0',
    taskDir: '/nonexistent',
    currentTimestamp: () => 0,
    changelog: {
      log: (_store, _key, value) => {
        logged.push(value === null ? 'null' : decoder.decode(value))
      },
    },
  })
  return { store, logged }
}

describe('WriteBehindWindowStore', () => {
  it('reads its own writes, logs the latest value of each window once per flush, in first-write order', async () => {
    const { store, logged } = await open()
    await store.put('b', 1, 1_000)
    await store.put('a', 1, 0)
    await store.put('b', 2, 1_000)
    await store.put('a', 5, 1_000)
    expect(await store.fetch('b', 1_000)).toBe(2)
    expect(await store.fetch('a', 2_000)).toBeUndefined()
    expect(logged).toEqual([])
    await store.flush()
    expect(logged).toEqual(['2', '1', '5'])
    await store.flush()
    expect(logged).toHaveLength(3)
    expect(await store.fetch('a', 0)).toBe(1)
  })

  it('writes pending values down before a scan, and deletes with null', async () => {
    const { store } = await open()
    await store.put('a', 1, 0)
    await store.put('a', 2, 1_000)
    await store.put('a', null, 0)
    const rows: Array<[number, number]> = []
    for await (const r of store.fetchRange('a', 0, 5_000)) rows.push([r.key, r.value])
    expect(rows).toEqual([[1_000, 2]])
    const all: string[] = []
    for await (const r of store.all()) all.push(`${r.key.key}@${r.key.window.start}=${r.value}`)
    expect(all).toEqual(['a@1000=2'])
  })
})
