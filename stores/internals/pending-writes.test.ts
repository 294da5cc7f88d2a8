import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { byKey, hex, keyArb } from '../store-suite-support.ts'
import type { ScanRange } from './bytes-store.ts'
import { compareBytes, encodeTime } from './key-encoding.ts'
import { LevelBytesStore } from './level-bytes-store.ts'
import { readStoreCheckpoint } from './level-checkpoint.ts'
import { SegmentedBytesStore } from './segmented-bytes-store.ts'
import { StoreTransactions, type TransactionalStoreContext } from './store-transactions.ts'

const root = mkdtempSync(join(tmpdir(), 'pitwall-pending-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let dirs = 0
const CHANGELOG = 'app-s-changelog:0'

async function open(taskDir: string, transactional = true, name = 's'): Promise<[LevelBytesStore, StoreTransactions]> {
  const transactions = new StoreTransactions(new Map([[name, CHANGELOG]]))
  const store = new LevelBytesStore(name)
  const context: TransactionalStoreContext = { applicationId: 'app', taskId: '0_0', taskDir, currentTimestamp: () => 0 }
  await store.init(transactional ? { ...context, storeTransactions: transactions } : context)
  return [store, transactions]
}

async function scan(store: LevelBytesStore, range: ScanRange): Promise<[string, string][]> {
  const out: [string, string][] = []
  for await (const { key, value } of store.scan(range)) out.push([hex(key), hex(value)])
  return out
}

type Model = Map<string, [Uint8Array, Uint8Array]>
function expected(model: Model, range: ScanRange): [string, string][] {
  const inRange = (k: Uint8Array) =>
    (range.gte === undefined || compareBytes(k, range.gte) >= 0) &&
    (range.lt === undefined || compareBytes(k, range.lt) < 0)
  const entries = [...model.values()].filter(([k]) => inRange(k)).sort(byKey)
  if (range.reverse) entries.reverse()
  return entries.map(([k, v]) => [hex(k), hex(v)])
}

const opArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('put' as const),
      k: keyArb,
      v: fc.option(fc.uint8Array({ maxLength: 3 }), { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('deleteRange' as const),
      gte: fc.option(keyArb, { nil: undefined }),
      lt: keyArb,
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('apply' as const), logged: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ t: 'crash' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('scan' as const),
      gte: fc.option(keyArb, { nil: undefined }),
      lt: fc.option(keyArb, { nil: undefined }),
      reverse: fc.boolean(),
    }),
  },
)

describe('LevelBytesStore under store transactions (pending overlay)', () => {
  it('reads its writes, merges scans over LevelDB, writes nothing before apply, and reopens at the last apply', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 40 }), async (ops) => {
        const taskDir = join(root, `p-${dirs++}`)
        let [store, transactions] = await open(taskDir)
        let visible: Model = new Map()
        let committed: Model = new Map()
        let checkpoint: bigint | undefined
        let offset = 0n
        try {
          for (const op of ops) {
            if (op.t === 'put') {
              await store.put(op.k, op.v)
              if (op.v === null) visible.delete(hex(op.k))
              else visible.set(hex(op.k), [op.k, op.v])
            } else if (op.t === 'deleteRange') {
              await store.deleteRange(op.gte, op.lt)
              for (const [h, [k]] of visible) {
                if ((op.gte === undefined || compareBytes(k, op.gte) >= 0) && compareBytes(k, op.lt) < 0)
                  visible.delete(h)
              }
            } else if (op.t === 'apply') {
              offset += 5n
              await transactions.commit(op.logged ? new Map([[CHANGELOG, offset]]) : new Map())
              committed = new Map(visible)
              if (op.logged) checkpoint = offset
              expect(store.pendingCount).toBe(0)
            } else if (op.t === 'crash') {
              await store.close()
              expect((await readStoreCheckpoint(join(taskDir, 's')))?.offset).toBe(checkpoint)
              ;[store, transactions] = await open(taskDir)
              visible = new Map(committed)
            } else {
              const range = { gte: op.gte, lt: op.lt, reverse: op.reverse }
              expect(await scan(store, range)).toEqual(expected(visible, range))
            }
          }
          for (const [k, v] of visible.values()) expect(hex((await store.get(k))!)).toBe(hex(v))
          expect(await scan(store, {})).toEqual(expected(visible, {}))
          expect(await store.approximateNumEntries()).toBe(visible.size)
          expect(store.checkpoint()?.offset).toBe(checkpoint)
        } finally {
          await store.close()
          rmSync(taskDir, { recursive: true, force: true })
        }
      }),
      { numRuns: 40 },
    )
  })

  it('keeps writes out of LevelDB until the transaction commits', async () => {
    const taskDir = join(root, `p-${dirs++}`)
    const [store, transactions] = await open(taskDir)
    await store.put(Uint8Array.of(1), Uint8Array.of(10))
    await transactions.commit(new Map([[CHANGELOG, 7n]]))
    await store.put(Uint8Array.of(1), null)
    await store.put(Uint8Array.of(2), Uint8Array.of(20))
    expect(await store.get(Uint8Array.of(1))).toBeUndefined()
    expect(await scan(store, {})).toEqual([['02', '14']])
    await store.close() // a crash: nothing applied since offset 7
    const [reopened] = await open(taskDir, false)
    expect(await scan(reopened, {})).toEqual([['01', '0a']])
    await reopened.close()
    // written through (no transactions), the checkpoint proves nothing and is gone
    expect(await readStoreCheckpoint(join(taskDir, 's'))).toBeUndefined()
  })

  it('applies a segment drop with the writes and the checkpoint, not before', async () => {
    const taskDir = join(root, `p-${dirs++}`)
    const transactions = new StoreTransactions(new Map([['w', 'app-w-changelog:0']]))
    const timeOf = (key: Uint8Array) => Number(new DataView(key.buffer, key.byteOffset).getBigInt64(0))
    const build = () =>
      new SegmentedBytesStore(new LevelBytesStore('w'), { retentionMs: 100, segmentIntervalMs: 50, timeOf })
    const context: TransactionalStoreContext = {
      applicationId: 'app',
      taskId: '0_0',
      taskDir,
      currentTimestamp: () => 0,
      storeTransactions: transactions,
    }
    const key = (t: number) => {
      const k = new Uint8Array(8)
      new DataView(k.buffer).setBigInt64(0, BigInt(t))
      return k
    }
    const store = build()
    await store.init(context)
    await store.put(key(10), Uint8Array.of(1))
    await transactions.commit(new Map([['app-w-changelog:0', 1n]]))
    await store.put(key(400), Uint8Array.of(2)) // stream time 400: the segment of 10 expires
    expect(await store.get(key(10))).toBeUndefined()
    await store.close() // crash before the commit
    const again = build()
    const transactions2 = new StoreTransactions(new Map([['w', 'app-w-changelog:0']]))
    const context2: TransactionalStoreContext = { ...context, storeTransactions: transactions2 }
    await again.init(context2)
    expect([...((await again.get(key(10))) ?? [])]).toEqual([1])
    expect(again.observedStreamTime()).toBe(10)
    await again.put(key(400), Uint8Array.of(2))
    await transactions2.commit(new Map([['app-w-changelog:0', 2n]]))
    await again.close()
    const [level] = await open(taskDir, true, 'w')
    expect(await scan(level, { lt: encodeTime(1) })).toEqual([]) // segment 0 gone from LevelDB
    expect(level.checkpoint()?.offset).toBe(2n)
    await level.close()
  })
})
