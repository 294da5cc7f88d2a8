/**
 * @module
 * The seam between the exactly-once runtime and its tasks' LevelDB stores. A task under
 * exactly-once hands its stores a {@link StoreTransactions}; each LevelDB store registers with it
 * and from then on keeps its writes pending in memory until the runtime reports that the Kafka
 * transaction holding their changelog records committed ({@link StoreTransactions.commit}), then
 * writes them with its checkpoint (the changelog offset it now reflects) in one atomic batch.
 * Without it (at-least-once, the TopologyTestDriver) stores write through at once.
 */
import type { StateStoreContext } from '../api.ts'

/** Where a store's local state stands on its changelog partition. */
export interface StoreCheckpoint {
  /** `topic:partition` of the changelog. */
  readonly changelog: string
  /** Every committed changelog record below it is reflected locally, and nothing uncommitted is. */
  readonly offset: bigint
}

/** What a store registered for transactions offers the runtime. */
export interface TransactionalStore {
  readonly name: string
  /** Writes (and range deletes) not yet applied. */
  readonly pendingCount: number
  /** Applies the pending writes, with `checkpoint` when given, as one atomic batch. */
  applyPending(checkpoint: StoreCheckpoint | undefined): Promise<void>
  /** Records restoration progress (restored records are committed ones). */
  writeCheckpoint(checkpoint: StoreCheckpoint): Promise<void>
}

/** A store context that may carry the task's store transactions. */
export interface TransactionalStoreContext extends StateStoreContext {
  readonly storeTransactions?: StoreTransactions
}

/**
 * The task's store transactions in a store context, if any.
 *
 * @example
 * ```ts
 * storeTransactionsOf(context)?.register(this)
 * ```
 */
export function storeTransactionsOf(context: StateStoreContext): StoreTransactions | undefined {
  return (context as TransactionalStoreContext).storeTransactions
}

/**
 * One task's transactional stores.
 *
 * @example
 * ```ts
 * const tx = new StoreTransactions(new Map([['counts', 'app-counts-changelog:3']]))
 * // ... stores register on init; after EndTxn succeeded:
 * await tx.commit(new Map([['app-counts-changelog:3', 1250n]]))
 * ```
 */
export class StoreTransactions {
  readonly #changelogs: ReadonlyMap<string, string>
  readonly #stores = new Map<string, TransactionalStore>()
  /** While restoring, segment drops go straight to the database (restored records are committed). */
  restoring = false

  /** `changelogs`: store name -> `topic:partition` of its changelog (logged stores only). */
  constructor(changelogs: ReadonlyMap<string, string>) {
    this.#changelogs = changelogs
  }

  register(store: TransactionalStore): void {
    this.#stores.set(store.name, store)
  }

  /** The registered store of that name. */
  get(name: string): TransactionalStore | undefined {
    return this.#stores.get(name)
  }

  /** Records that `store` reflects its changelog below `offset` (restoration progress). */
  async restored(name: string, offset: bigint): Promise<void> {
    const changelog = this.#changelogs.get(name)
    const store = this.#stores.get(name)
    if (changelog !== undefined && store !== undefined) await store.writeCheckpoint({ changelog, offset })
  }

  /**
   * Applies every store's pending writes once the transaction committed. `written`: changelog
   * `topic:partition` -> the offset after the last record this transaction wrote there; a store
   * whose changelog is absent from it wrote nothing logged and keeps its checkpoint.
   */
  async commit(written: ReadonlyMap<string, bigint>): Promise<void> {
    for (const store of this.#stores.values()) {
      const changelog = this.#changelogs.get(store.name)
      const offset = changelog === undefined ? undefined : written.get(changelog)
      if (store.pendingCount === 0 && offset === undefined) continue
      await store.applyPending(offset === undefined ? undefined : { changelog: changelog!, offset })
    }
  }
}
