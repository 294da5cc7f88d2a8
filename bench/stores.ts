/**
 * @module
 * `node bench/stores.ts [--keys n] [--restore n] [--repeats n]`: LevelDB state store figures, printed
 * as JSON. Through the full store stack with the cache off and on: puts, gets of every key (more
 * keys than the default 10 MiB cache holds, in write order: the cache's worst case), gets of a hot
 * set of 1,000 keys, get+put of the same hot key (what an aggregation does per record, flushed
 * every 1,000 operations like a commit), and range scans of 100 keys. Then restoreBatch records per
 * second for a changelog of `--restore` keys, next to raw classic-level writes of the same
 * records in the same run (a chained batch and the array form of `db.batch`): the baseline,
 * restore can only be slower. Each figure is the best of `--repeats` runs (the machine is shared);
 * `--clock cpu` divides by the process's CPU time (LevelDB's threads included) instead of wall
 * time: steadier when other processes compete for the cores.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ClassicLevel } from 'classic-level'
import type { ChangelogRecord, KeyValueStore, StateStoreContext } from '../stores/api.ts'
import { Stores } from '../stores/index.ts'
import { Serdes } from '../topology/serdes.ts'

const { values: args } = parseArgs({
  options: {
    keys: { type: 'string', default: '100000' },
    restore: { type: 'string', default: '1000000' },
    repeats: { type: 'string', default: '2' },
    clock: { type: 'string', default: 'wall' },
  },
})
const KEYS = Number(args.keys)
const RESTORE = Number(args.restore)
const REPEATS = Math.max(1, Number(args.repeats))
const RESTORE_BATCH = 10_000
const RANGE_WIDTH = 100
const HOT_KEYS = Math.min(1_000, KEYS)
const COMMIT_EVERY = 1_000

const root = mkdtempSync(join(tmpdir(), 'pitwall-bench-stores-'))
let dirs = 0
const context = (): StateStoreContext => ({
  applicationId: 'bench',
  taskId: '0_0',
  taskDir: join(root, `task-${dirs++}`),
  currentTimestamp: () => 0,
})
const encoder = new TextEncoder()
const keyOf = (i: number) => `car-${String(i).padStart(8, '0')}`
const value = 'x'.repeat(100)

const CPU_CLOCK = args.clock === 'cpu'

async function timed(count: number, run: () => Promise<void>): Promise<number> {
  const start = performance.now()
  const cpu = process.cpuUsage()
  await run()
  const { user, system } = process.cpuUsage(cpu)
  const seconds = CPU_CLOCK ? (user + system) / 1e6 : (performance.now() - start) / 1000
  return Math.round(count / seconds)
}

/** The best figure of each field over `REPEATS` runs. */
async function best<T extends Record<string, number>>(run: () => Promise<T>): Promise<T> {
  let out: Record<string, number> | undefined
  for (let r = 0; r < REPEATS; r++) {
    const figures = await run()
    out = out === undefined ? { ...figures } : out
    for (const [k, v] of Object.entries(figures)) out[k] = Math.max(out[k]!, v)
  }
  return out as T
}

async function hotFigures(store: KeyValueStore<string, string>) {
  const hot = Array.from({ length: KEYS }, (_, i) => keyOf((i * 7919) % HOT_KEYS))
  const hotGetsPerSec = await timed(KEYS, async () => {
    for (const k of hot) await store.get(k)
  })
  const getPutPerSec = await timed(KEYS, async () => {
    for (let i = 0; i < hot.length; i++) {
      const k = hot[i]!
      const v = await store.get(k)
      await store.put(k, v === undefined ? value : `${v.slice(1)}y`)
      if (i % COMMIT_EVERY === COMMIT_EVERY - 1) await store.flush()
    }
    await store.flush()
  })
  return { hotGetsPerSec, getPutPerSec }
}

async function kvFigures(caching: boolean) {
  const builder = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('kv'), Serdes.string(), Serdes.string())
  const store = (caching ? builder.withCachingEnabled() : builder).withLoggingDisabled().build()
  await store.init(context())
  const order = Array.from({ length: KEYS }, (_, i) => (i * 7919) % KEYS)
  const putsPerSec = await timed(KEYS, async () => {
    for (const i of order) await store.put(keyOf(i), value)
    await store.flush()
  })
  const getsPerSec = await timed(KEYS, async () => {
    for (const i of order) await store.get(keyOf(i))
  })
  const { hotGetsPerSec, getPutPerSec } = await hotFigures(store)
  const ranges = Math.max(1, Math.floor(KEYS / 100))
  const rangesPerSec = await timed(ranges, async () => {
    for (let r = 0; r < ranges; r++) {
      const from = order[r]! % (KEYS - RANGE_WIDTH)
      for await (const _ of store.range(keyOf(from), keyOf(from + RANGE_WIDTH - 1))) {
      }
    }
  })
  await store.close()
  return { putsPerSec, getsPerSec, hotGetsPerSec, getPutPerSec, rangesPerSec }
}

function changelog(): ChangelogRecord[][] {
  const batches: ChangelogRecord[][] = []
  const bytes = encoder.encode(value)
  for (let b = 0; b < RESTORE; b += RESTORE_BATCH) {
    const batch: ChangelogRecord[] = []
    for (let i = b; i < Math.min(RESTORE, b + RESTORE_BATCH); i++) {
      batch.push({ key: encoder.encode(keyOf(i)), value: bytes, timestamp: i })
    }
    batches.push(batch)
  }
  return batches
}

async function rawWrite(batches: ChangelogRecord[][], chained: boolean): Promise<number> {
  const db = new ClassicLevel<Uint8Array, Uint8Array>(join(root, `raw-${dirs++}`), {
    keyEncoding: 'view',
    valueEncoding: 'view',
  })
  await db.open()
  const perSec = await timed(RESTORE, async () => {
    for (const records of batches) {
      if (chained) {
        const batch = db.batch()
        for (const r of records) batch.put(r.key, r.value!)
        await batch.write()
      } else await db.batch(records.map((r) => ({ type: 'put' as const, key: r.key, value: r.value! })))
    }
  })
  await db.close()
  return perSec
}

async function restoreFigures(batches: ChangelogRecord[][]) {
  const rawChainedBatchPerSec = await rawWrite(batches, true)
  const builder = Stores.keyValueStoreBuilder(
    Stores.persistentKeyValueStore('restored'),
    Serdes.string(),
    Serdes.string(),
  )
  const store = builder.withCachingEnabled().build()
  await store.init(context())
  const restorePerSec = await timed(RESTORE, async () => {
    for (const batch of batches) await store.restoreBatch(batch)
  })
  await store.close()
  const rawArrayBatchPerSec = await rawWrite(batches, false)
  return { restorePerSec, rawChainedBatchPerSec, rawArrayBatchPerSec }
}

try {
  const leveldbCacheOff = await best(() => kvFigures(false))
  const leveldbCacheOn = await best(() => kvFigures(true))
  const batches = changelog()
  const restore = await best(() => restoreFigures(batches))
  const results = {
    node: process.version,
    keys: KEYS,
    hotKeys: HOT_KEYS,
    rangeWidth: RANGE_WIDTH,
    repeats: REPEATS,
    clock: CPU_CLOCK ? 'cpu' : 'wall',
    leveldbCacheOff,
    leveldbCacheOn,
    restore: { records: RESTORE, batchSize: RESTORE_BATCH, ...restore },
  }
  console.log(JSON.stringify(results, null, 2))
} finally {
  rmSync(root, { recursive: true, force: true })
}
