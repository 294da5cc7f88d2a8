/**
 * @module
 * `node bench/stores.ts [--keys n] [--restore n]`: LevelDB state store figures, printed as JSON:
 * put/get/range operations per second through the full store stack with the cache off and on,
 * and restoreBatch records per second for a 1,000,000-key changelog, next to a raw classic-level
 * chained-batch write of the same records in the same run (the baseline: restore can only be slower).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ClassicLevel } from 'classic-level'
import type { ChangelogRecord, StateStoreContext } from '../stores/api.ts'
import { Stores } from '../stores/index.ts'
import { Serdes } from '../topology/serdes.ts'

const { values: args } = parseArgs({
  options: { keys: { type: 'string', default: '100000' }, restore: { type: 'string', default: '1000000' } },
})
const KEYS = Number(args.keys)
const RESTORE = Number(args.restore)
const RESTORE_BATCH = 10_000
const RANGE_WIDTH = 100

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

async function timed(count: number, run: () => Promise<void>): Promise<number> {
  const start = performance.now()
  await run()
  return Math.round(count / ((performance.now() - start) / 1000))
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
  const ranges = Math.max(1, Math.floor(KEYS / 100))
  const rangesPerSec = await timed(ranges, async () => {
    for (let r = 0; r < ranges; r++) {
      const from = order[r]! % (KEYS - RANGE_WIDTH)
      for await (const _ of store.range(keyOf(from), keyOf(from + RANGE_WIDTH - 1))) {
      }
    }
  })
  await store.close()
  return { putsPerSec, getsPerSec, rangesPerSec, rangeWidth: RANGE_WIDTH }
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

async function restoreFigures() {
  const batches = changelog()
  const db = new ClassicLevel<Uint8Array, Uint8Array>(join(root, 'raw'), { keyEncoding: 'view', valueEncoding: 'view' })
  await db.open()
  const rawPerSec = await timed(RESTORE, async () => {
    for (const records of batches) {
      const batch = db.batch()
      for (const r of records) batch.put(r.key, r.value!)
      await batch.write()
    }
  })
  await db.close()
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
  return { records: RESTORE, batchSize: RESTORE_BATCH, restorePerSec, rawClassicLevelBatchPerSec: rawPerSec }
}

try {
  const results = {
    node: process.version,
    keys: KEYS,
    leveldbCacheOff: await kvFigures(false),
    leveldbCacheOn: await kvFigures(true),
    restore: await restoreFigures(),
  }
  console.log(JSON.stringify(results, null, 2))
} finally {
  rmSync(root, { recursive: true, force: true })
}
